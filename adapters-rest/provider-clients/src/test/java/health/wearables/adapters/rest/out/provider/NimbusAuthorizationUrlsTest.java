package health.wearables.adapters.rest.out.provider;

import static health.wearables.adapters.rest.out.provider.TestProviders.CLIENT_ID;
import static health.wearables.adapters.rest.out.provider.TestProviders.REDIRECT_URI;
import static health.wearables.adapters.rest.out.provider.TestProviders.STATE;
import static health.wearables.adapters.rest.out.provider.TestProviders.VERIFIER;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.ConfiguredProvider;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NimbusAuthorizationUrlsTest {
    private static final URI TOKEN_URI = URI.create("https://acme-fit.example/oauth2/token");

    private final NimbusAuthorizationUrls urls = new NimbusAuthorizationUrls();

    private static ConfiguredProvider provider(String authorizationUrl) {
        return TestProviders.provider(URI.create(authorizationUrl), TOKEN_URI, ClientAuthentication.BASIC);
    }

    /** Query parameters, decoded, in order; repeated names keep every value. */
    private static Map<String, List<String>> query(URI uri) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&", -1)) {
            int eq = pair.indexOf('=');
            parameters
                    .computeIfAbsent(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), name -> new ArrayList<>())
                    .add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    @Test
    void carries_the_authorization_code_request_with_an_s256_challenge() {
        URI url = urls.authorizationUrl(
                provider("https://acme-fit.example/oauth2/authorize"), STATE, Optional.of(VERIFIER), REDIRECT_URI);

        assertThat(url.getScheme()).isEqualTo("https");
        assertThat(url.getHost()).isEqualTo("acme-fit.example");
        assertThat(url.getPath()).isEqualTo("/oauth2/authorize");
        assertThat(query(url))
                .containsOnly(
                        Map.entry("response_type", List.of("code")),
                        Map.entry("client_id", List.of(CLIENT_ID)),
                        Map.entry("redirect_uri", List.of(REDIRECT_URI.toString())),
                        Map.entry("scope", List.of("activity heartrate sleep")),
                        Map.entry("state", List.of(STATE.value())),
                        Map.entry("code_challenge", List.of(VERIFIER.s256Challenge())),
                        Map.entry("code_challenge_method", List.of("S256")));
    }

    @Test
    void without_a_verifier_there_is_no_challenge() {
        URI url = urls.authorizationUrl(
                provider("https://acme-fit.example/oauth2/authorize"), STATE, Optional.empty(), REDIRECT_URI);

        assertThat(query(url))
                .doesNotContainKeys("code_challenge", "code_challenge_method")
                .containsEntry("state", List.of(STATE.value()));
    }

    @Test
    void keeps_the_configured_query_verbatim() {
        URI url = urls.authorizationUrl(
                provider("https://acme-fit.example/authorize?audience=api%20v2&prompt=consent"),
                STATE,
                Optional.of(VERIFIER),
                REDIRECT_URI);

        assertThat(url.getRawQuery()).startsWith("audience=api%20v2&prompt=consent&");
        assertThat(query(url))
                .containsEntry("audience", List.of("api v2"))
                .containsEntry("prompt", List.of("consent"))
                .containsEntry("client_id", List.of(CLIENT_ID));
    }

    @Test
    void encodes_values_that_need_it() {
        URI redirect = URI.create("https://gateway.example.com/v1/wearables/acme-fit/callback?tenant=a&b=c%20d");
        ConfiguredProvider provider = TestProviders.provider(
                URI.create("https://acme-fit.example/authorize"),
                TOKEN_URI,
                ClientAuthentication.POST,
                "client id&x=1",
                "secret");

        URI url = urls.authorizationUrl(provider, STATE, Optional.empty(), redirect);

        assertThat(query(url))
                .containsEntry("client_id", List.of("client id&x=1"))
                .containsEntry("redirect_uri", List.of(redirect.toString()))
                .doesNotContainKey("x");
    }

    @Test
    void an_empty_configured_query_or_a_fragment_does_not_break_the_url() {
        URI url = urls.authorizationUrl(
                provider("https://acme-fit.example/authorize?#section"), STATE, Optional.empty(), REDIRECT_URI);

        assertThat(url.getRawFragment()).isNull();
        assertThat(url.getRawQuery()).doesNotStartWith("&");
        assertThat(query(url)).containsEntry("response_type", List.of("code"));
    }
}
