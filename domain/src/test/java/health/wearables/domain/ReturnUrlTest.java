package health.wearables.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnUrlTest {

    private static ReturnUrl url(String text) {
        return ReturnUrl.parse(text);
    }

    @Nested
    class Parsing {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "https://dashboard.example.com/wearables/done",
                    "https://dashboard.example.com/",
                    "https://dashboard.example.com:8443/done?tab=devices#top",
                    "http://localhost:3000/done",
                    "http://127.0.0.1/done",
                    "https://xn--dashbord-e1a.example.com/done"
                })
        void https_urls_and_http_on_loopback_are_accepted_as_written(String text) {
            assertThat(url(text).value()).isEqualTo(text);
        }

        @ParameterizedTest
        @CsvSource({
            "HTTPS://Dashboard.Example.COM/Done, https://dashboard.example.com/Done",
            "https://dashboard.example.com:443/done, https://dashboard.example.com/done",
            "http://LOCALHOST:80/done, http://localhost/done",
            "https://dashboard.example.com, https://dashboard.example.com/"
        })
        void scheme_and_host_are_lower_cased_and_a_default_port_or_empty_path_is_normalised(
                String text, String normal) {
            assertThat(url(text).value()).isEqualTo(normal);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(
                strings = {
                    "javascript:alert(1)",
                    "JavaScript://dashboard.example.com/%0Aalert(1)",
                    "data:text/html,<script>alert(1)</script>",
                    "file:///etc/passwd",
                    "file://dashboard.example.com/etc/passwd",
                    "vbscript:msgbox(1)",
                    "ftp://dashboard.example.com/",
                    "/wearables/done",
                    "wearables/done",
                    "//evil.example/",
                    "https:evil.example",
                    "https:///evil.example/",
                    "http://dashboard.example.com/done",
                    "http://localhost.evil.example/"
                })
        void other_schemes_relative_and_protocol_relative_urls_are_refused(String text) {
            assertThatIllegalArgumentException().isThrownBy(() -> url(text));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "https://good@evil.example/",
                    "https://dashboard.example.com@evil.example/",
                    "https://dashboard.example.com:443@evil.example/",
                    "https://user:pass@dashboard.example.com/",
                    "https://dashboard.example.com%40evil.example/"
                })
        void user_info_is_refused(String text) {
            assertThatIllegalArgumentException().isThrownBy(() -> url(text));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "https://dashboard.example.com\\@evil.example/",
                    "https:\\\\evil.example/",
                    "https://dashboard.example.com/done\\..\\admin",
                    "https://dashboard.example.com/done\r\nSet-Cookie:x=1",
                    "https://dashboard.example.com/done\nx",
                    "https://dashboard.example.com/do\u0000ne",
                    "https://dashboard.example.com/do\tne",
                    "https://dashboard.example.com/do ne",
                    "https://dashboard.example.com/done?x=\u007F",
                    " https://dashboard.example.com/done"
                })
        void backslashes_spaces_and_control_characters_are_refused(String text) {
            assertThatIllegalArgumentException().isThrownBy(() -> url(text));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "https://dashboard.example.com./done",
                    "https://dashboard.example.com../done",
                    "https://%64ashboard.example.com/done",
                    "https://dashboard%2Eexample.com/done",
                    "https://evil.example%2F.dashboard.example.com/done",
                    "https://d\u0430shboard.example.com/done",
                    "https://dashboard.\u0435xample.com/done",
                    "https://b\u00FCcher.example/done",
                    "https://[::1]/done",
                    "https://-dashboard.example.com/done",
                    "https://dash_board.example.com/done"
                })
        void trailing_dots_percent_encoded_unicode_and_other_unusual_hosts_are_refused(String text) {
            assertThatIllegalArgumentException().isThrownBy(() -> url(text));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "https://dashboard.example.com/wearables/../admin",
                    "https://dashboard.example.com/wearables/./done",
                    "https://dashboard.example.com/wearables/..",
                    "https://dashboard.example.com/wearables/%2e%2e/admin",
                    "https://dashboard.example.com/wearables/%2E%2E/admin",
                    "https://dashboard.example.com/wearables/.%2e/admin",
                    "https://dashboard.example.com/wearables%2F..%2Fadmin",
                    "https://dashboard.example.com/wearables%2fdone",
                    "https://dashboard.example.com/wearables%5Cdone",
                    "https://dashboard.example.com//evil.example/",
                    "https://dashboard.example.com/wearables/..;/admin",
                    "https://dashboard.example.com/wearables/..;jsessionid=x/admin",
                    "https://dashboard.example.com/wearables/.;x/done"
                })
        void dot_segments_and_encoded_separators_are_refused(String text) {
            assertThatIllegalArgumentException().isThrownBy(() -> url(text));
        }

        @Test
        void path_parameters_and_dots_inside_segment_names_are_fine() {
            assertThat(url("https://dashboard.example.com/wearables;v=2/done.html")
                            .value())
                    .isEqualTo("https://dashboard.example.com/wearables;v=2/done.html");
            assertThat(url("https://dashboard.example.com/wearables/...;/x").value())
                    .endsWith("/...;/x");
        }

        @Test
        void a_url_over_2048_characters_is_refused() {
            String base = "https://dashboard.example.com/";

            assertThat(url(base + "a".repeat(2048 - base.length())).value()).hasSize(2048);
            assertThatIllegalArgumentException().isThrownBy(() -> url(base + "a".repeat(2049 - base.length())));
        }

        @Test
        void the_refusal_names_the_rule_and_never_echoes_the_input() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> url("https://attacker-text@evil.example/"))
                    .withMessage("redirectUri must not contain user-info")
                    .withMessageNotContaining("attacker-text");
        }
    }

    @Nested
    class Prefixes {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "https://dashboard.example.com/wearables/done",
                    "https://dashboard.example.com/wearables/",
                    "https://DASHBOARD.example.com/wearables/done?tab=1",
                    "https://dashboard.example.com:443/wearables/done#top"
                })
        void a_url_with_the_same_scheme_host_and_port_and_a_longer_path_is_under_the_prefix(String text) {
            assertThat(url(text).isUnder(url("https://dashboard.example.com/wearables/")))
                    .isTrue();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "https://dashboard.example.com.evil.example/wearables/done",
                    "https://evil.example/dashboard.example.com/wearables/",
                    "https://eviLdashboard.example.com/wearables/done",
                    "https://sub.dashboard.example.com/wearables/done",
                    "https://dashboard.example.com:8443/wearables/done",
                    "https://dashboard.example.com/wearables-evil/done",
                    "https://dashboard.example.com/Wearables/done",
                    "https://dashboard.example.com/admin"
                })
        void a_url_differing_in_scheme_host_port_or_path_prefix_is_not_under_it(String text) {
            assertThat(url(text).isUnder(url("https://dashboard.example.com/wearables/")))
                    .isFalse();
        }

        @Test
        void scheme_and_an_explicit_port_must_match_the_prefix_exactly() {
            ReturnUrl prefix = url("http://localhost:3000/");

            assertThat(url("http://localhost:3000/done").isUnder(prefix)).isTrue();
            assertThat(url("http://localhost:3001/done").isUnder(prefix)).isFalse();
            assertThat(url("http://localhost/done").isUnder(prefix)).isFalse();
            assertThat(url("https://localhost:3000/done").isUnder(prefix)).isFalse();
        }

        @Test
        void a_prefix_with_a_query_or_fragment_covers_nothing() {
            assertThat(url("https://dashboard.example.com/done?a=1")
                            .isUnder(url("https://dashboard.example.com/done?a=1")))
                    .isFalse();
            assertThat(url("https://dashboard.example.com/#x").isUnder(url("https://dashboard.example.com/#x")))
                    .isFalse();
        }

        @Test
        void only_a_path_ending_in_a_slash_without_query_or_fragment_can_serve_as_a_prefix() {
            assertThat(url("https://dashboard.example.com").endsWithSlash()).isTrue();
            assertThat(url("https://dashboard.example.com/wearables/").endsWithSlash())
                    .isTrue();
            assertThat(url("https://dashboard.example.com/wearables").endsWithSlash())
                    .isFalse();
            assertThat(url("https://dashboard.example.com/wearables/?x=1").endsWithSlash())
                    .isFalse();
            assertThat(url("https://dashboard.example.com/wearables/#x").endsWithSlash())
                    .isFalse();
        }
    }

    @Nested
    class Parameters {

        @Test
        void parameters_are_appended_in_order_as_a_query() {
            URI location = url("https://dashboard.example.com/done")
                    .withParameters(parameters("status", "connected", "provider", "withings"));

            assertThat(location).hasToString("https://dashboard.example.com/done?status=connected&provider=withings");
        }

        @Test
        void an_existing_query_is_kept_and_the_parameters_come_before_the_fragment() {
            URI location = url("https://dashboard.example.com/done?tab=devices#summary")
                    .withParameters(parameters("status", "connected"));

            assertThat(location).hasToString("https://dashboard.example.com/done?tab=devices&status=connected#summary");
            assertThat(location.getRawFragment()).isEqualTo("summary");
        }

        @Test
        void a_value_with_query_syntax_or_line_breaks_is_encoded_never_injected() {
            URI location = url("https://dashboard.example.com/done")
                    .withParameters(
                            parameters("patientId", "1&status=connected&x=y #frag\r\nLocation: https://evil.example/"));

            assertThat(location.getRawQuery())
                    .isEqualTo(
                            "patientId=1%26status%3Dconnected%26x%3Dy+%23frag%0D%0ALocation%3A+https%3A%2F%2Fevil.example%2F");
            assertThat(location.getRawFragment()).isNull();
            assertThat(location.toString())
                    .doesNotContain("\r")
                    .doesNotContain("\n")
                    .doesNotContain(" ");
        }

        @Test
        void names_are_encoded_too() {
            URI location = url("https://dashboard.example.com/done").withParameters(parameters("a&b=c", "d"));

            assertThat(location.getRawQuery()).isEqualTo("a%26b%3Dc=d");
        }

        @Test
        void the_location_keeps_the_normalised_host_and_drops_a_default_port() {
            URI location =
                    url("HTTPS://Dashboard.Example.com:443/done").withParameters(parameters("status", "connected"));

            assertThat(location).hasToString("https://dashboard.example.com/done?status=connected");
        }

        private Map<String, String> parameters(String... namesAndValues) {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                parameters.put(namesAndValues[i], namesAndValues[i + 1]);
            }
            return parameters;
        }
    }

    @Test
    void two_spellings_of_one_url_are_equal() {
        assertThat(url("HTTPS://Dashboard.Example.com:443/done"))
                .isEqualTo(url("https://dashboard.example.com/done"))
                .hasSameHashCodeAs(url("https://dashboard.example.com/done"));
    }
}
