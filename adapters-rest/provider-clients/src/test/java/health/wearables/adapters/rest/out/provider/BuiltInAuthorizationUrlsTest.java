package health.wearables.adapters.rest.out.provider;

import static health.wearables.adapters.rest.out.provider.TestProviders.CLIENT_ID;
import static health.wearables.adapters.rest.out.provider.TestProviders.CLIENT_SECRET;
import static health.wearables.adapters.rest.out.provider.TestProviders.REDIRECT_URI;
import static health.wearables.adapters.rest.out.provider.TestProviders.STATE;
import static health.wearables.adapters.rest.out.provider.TestProviders.VERIFIER;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.BuiltInProvider;
import health.wearables.domain.ClientSecret;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The authorization request of each provider whose documentation bends its parameters. */
class BuiltInAuthorizationUrlsTest {
    private final NimbusAuthorizationUrls urls = new NimbusAuthorizationUrls();

    private URI url(BuiltInProvider defaults) {
        return urls.authorizationUrl(
                defaults.configured(CLIENT_ID, new ClientSecret(CLIENT_SECRET)),
                STATE,
                defaults.pkce().needsVerifier() ? Optional.of(VERIFIER) : Optional.empty(),
                REDIRECT_URI);
    }

    /** Query parameters, decoded; each name must appear once. */
    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&", -1)) {
            int eq = pair.indexOf('=');
            String previous = parameters.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            assertThat(previous).as("repeated parameter " + pair).isNull();
        }
        return parameters;
    }

    @Test
    void google_health_asks_for_offline_access_with_consent_and_space_separated_scopes() {
        URI url = url(GoogleHealthQuirks.DEFAULTS);

        assertThat(url.getHost()).isEqualTo("accounts.google.com");
        assertThat(query(url))
                .containsEntry("access_type", "offline")
                .containsEntry("prompt", "consent")
                .containsEntry("scope", String.join(" ", GoogleHealthQuirks.DEFAULTS.scopes()))
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("state", STATE.value());
    }

    @Test
    void withings_scopes_are_comma_separated() {
        URI url = url(WithingsQuirks.DEFAULTS);

        assertThat(url.getPath()).isEqualTo("/oauth2_user/authorize2");
        assertThat(query(url))
                .containsEntry("scope", "user.info,user.metrics,user.activity")
                .containsEntry("response_type", "code")
                .containsEntry("client_id", CLIENT_ID)
                .doesNotContainKeys("access_type", "prompt", "code_challenge");
    }

    @Test
    void strava_scopes_are_comma_separated() {
        assertThat(query(url(StravaQuirks.DEFAULTS)))
                .containsEntry("scope", "read,activity:read_all")
                .containsEntry("redirect_uri", REDIRECT_URI.toString());
    }

    @Test
    void fitbit_and_garmin_send_the_s256_challenge_and_oura_space_separated_scopes() {
        assertThat(query(url(FitbitQuirks.DEFAULTS)))
                .containsEntry("code_challenge", VERIFIER.s256Challenge())
                .containsEntry("scope", "activity heartrate sleep weight");
        assertThat(query(url(GarminQuirks.DEFAULTS)))
                .containsEntry("code_challenge", VERIFIER.s256Challenge())
                .containsEntry("code_challenge_method", "S256")
                .doesNotContainKey("scope");
        assertThat(query(url(OuraQuirks.DEFAULTS)))
                .containsEntry("scope", "personal daily heartrate workout session spo2");
    }

    @Test
    void whoop_and_dexcom_ask_for_their_refresh_scope() {
        assertThat(query(url(WhoopQuirks.DEFAULTS)).get("scope")).startsWith("offline ");
        assertThat(query(url(DexcomQuirks.PRODUCTION))).containsEntry("scope", "offline_access");
        assertThat(url(DexcomQuirks.SANDBOX).getHost()).isEqualTo("sandbox-api.dexcom.com");
    }
}
