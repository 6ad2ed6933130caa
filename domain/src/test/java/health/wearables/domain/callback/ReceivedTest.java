package health.wearables.domain.callback;

import static health.wearables.domain.Fixtures.ok;
import static health.wearables.domain.Fixtures.query;
import static health.wearables.domain.Fixtures.rejection;
import static health.wearables.domain.callback.Callbacks.CODE;
import static health.wearables.domain.callback.Callbacks.STATE;
import static health.wearables.domain.callback.Callbacks.approved;
import static health.wearables.domain.callback.Callbacks.arrive;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.AuthorizationCode;
import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.Step;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** State 1: syntax and provider, before any store is asked. */
class ReceivedTest {
    private static Rejection refusedOnArrival(Map<String, List<String>> query) {
        return rejection(arrive("withings", query));
    }

    @Test
    void a_well_formed_callback_names_its_provider_state_code_iss_and_scope() {
        StateReceived received = ok(arrive(
                "withings",
                approved("iss", "https://account.withings.example", "scope", "user.activity user.metrics")));

        assertThat(received.provider()).isEqualTo(Callbacks.WITHINGS);
        assertThat(received.key()).isEqualTo(STATE);
        assertThat(received.code()).contains(new AuthorizationCode(CODE));
        assertThat(received.error()).isEmpty();
        assertThat(received.iss()).contains("https://account.withings.example");
        assertThat(received.grantedScope()).contains("user.activity user.metrics");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"state", "code", "error", "error_description", "iss", "scope", "oauth_token", "oauth_verifier"})
    void a_parameter_the_gateway_reads_given_twice_is_an_invalid_request(String name) {
        Rejection rejection = refusedOnArrival(approved(name, "first", name, "second"));

        assertThat(rejection.code()).isEqualTo(RejectionCode.INVALID_REQUEST);
        assertThat(rejection.message()).isEqualTo("The parameter '" + name + "' appears more than once.");
        assertThat(rejection.pending()).isEmpty();
    }

    @Test
    void the_same_state_given_twice_is_still_an_invalid_request() {
        Rejection rejection = refusedOnArrival(query("state", STATE.value(), "state", STATE.value(), "code", CODE));

        assertThat(rejection.code()).isEqualTo(RejectionCode.INVALID_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"project", "tenant", "patientId", "redirect_uri", "user_id"})
    void parameters_the_gateway_does_not_read_are_ignored_even_when_repeated(String name) {
        StateReceived received = ok(arrive("withings", approved(name, "other-tenant", name, "evil")));

        assertThat(received.key()).isEqualTo(STATE);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                        values(
                                "state",
                                "short",
                                "%41" + STATE.value().substring(3),
                                STATE.value().substring(1) + "=",
                                STATE.value().substring(1) + "\n",
                                ""),
                        values("code", "has space", "has\r\nbreak", "caf\u00E9", "nul\u0000", "c".repeat(1025), ""),
                        values(
                                "error",
                                "access_denied\r\nX-Injected: 1",
                                "say \"hi\"",
                                "back\\slash",
                                "\u00E9rror",
                                "e".repeat(129),
                                ""),
                        values("iss", "https://issuer.example/ x", "https://issuer.example/\n", ""),
                        values("scope", "activity\r\nsleep"))
                .flatMap(cases -> cases);
    }

    private static Stream<Arguments> values(String name, String... values) {
        return Stream.of(values).map(value -> Arguments.of(name, value));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void a_parameter_outside_its_syntax_is_an_invalid_request_that_names_the_parameter(String name, String value) {
        Map<String, List<String>> query = new HashMap<>(approved());
        query.put(name, List.of(value));

        Rejection rejection = refusedOnArrival(query);

        assertThat(rejection.code()).isEqualTo(RejectionCode.INVALID_REQUEST);
        assertThat(rejection.message()).isEqualTo("The " + name + " parameter is malformed.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garmin", "Withings", "../withings", "with%69ngs", "-withings"})
    void a_provider_that_is_not_configured_is_unknown(String path) {
        Rejection rejection = rejection(arrive(path, approved()));

        assertThat(rejection.code()).isEqualTo(RejectionCode.UNKNOWN_PROVIDER);
        assertThat(rejection.pending()).isEmpty();
    }

    @Test
    void an_unknown_provider_is_not_named_back_since_the_path_is_request_input() {
        Rejection rejection = rejection(arrive("your-account-is-locked-call-555-0100", approved()));

        assertThat(rejection.message()).doesNotContain("your-account-is-locked");
    }

    @Test
    void syntax_is_checked_before_the_provider() {
        assertThat(rejection(arrive("garmin", query("state", "short"))).code())
                .isEqualTo(RejectionCode.INVALID_REQUEST);
    }

    @Test
    void a_code_without_state_is_a_missing_parameter() {
        Rejection rejection = refusedOnArrival(query("code", CODE));

        assertThat(rejection.code()).isEqualTo(RejectionCode.MISSING_PARAMETER);
        assertThat(rejection.message()).isEqualTo("The state parameter is missing.");
    }

    @Test
    void an_error_without_state_is_the_providers_error_named_only_if_registered() {
        Rejection declined = refusedOnArrival(query("error", "access_denied"));
        Rejection unregistered = refusedOnArrival(query("error", "vendor_specific_oops"));

        assertThat(declined.code()).isEqualTo(RejectionCode.PROVIDER_ERROR);
        assertThat(declined.providerError()).contains("access_denied");
        assertThat(unregistered.code()).isEqualTo(RejectionCode.PROVIDER_ERROR);
        assertThat(unregistered.providerError()).isEmpty();
        assertThat(unregistered.message()).doesNotContain("vendor_specific_oops");
    }

    @Test
    void the_error_description_is_kept_only_in_a_log_safe_form() {
        Step<StateReceived> step = arrive(
                "withings",
                query(
                        "state",
                        STATE.value(),
                        "error",
                        "access_denied",
                        "error_description",
                        "<b>no</b>\r\n\u00E9" + "x".repeat(300)));
        ProviderError error = ok(step).error().orElseThrow();

        assertThat(error.descriptionForLog())
                .hasSize(200)
                .startsWith("<b>no</b>???")
                .doesNotContain("\r", "\n");
    }
}
