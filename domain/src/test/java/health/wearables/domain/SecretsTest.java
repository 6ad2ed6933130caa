package health.wearables.domain;

import static health.wearables.domain.Fixtures.RFC7636_VERIFIER;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.callback.Grant;
import health.wearables.domain.callback.StateVerified;
import health.wearables.domain.notify.WebhookSettings;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SecretsTest {
    private static final String STATE = "Y2FsbGJhY2stc3RhdGUtZm9yLXRlc3RpbmctMDEyMzQ";
    private static final String CODE = "SplxlOBeZQQYbYS6WxSbIA";
    private static final String ACCESS = "access-4f9c2e7b1d";
    private static final String REFRESH = "refresh-8a7d6c5b4e";

    static Stream<Arguments> secrets() {
        return Stream.of(
                Arguments.of(new StateToken(STATE), STATE),
                Arguments.of(new AuthorizationCode(CODE), CODE),
                Arguments.of(new PkceVerifier(RFC7636_VERIFIER), RFC7636_VERIFIER),
                Arguments.of(new AccessToken(ACCESS), ACCESS),
                Arguments.of(new RefreshToken(REFRESH), REFRESH),
                Arguments.of(new ApiKey(Fixtures.API_KEY), Fixtures.API_KEY),
                Arguments.of(new ClientSecret("client-secret-of-withings"), "client-secret-of-withings"),
                Arguments.of(new WebhookSecret("polar-signature-secret-key"), "polar-signature-secret-key"),
                Arguments.of(new VerifyToken("strava-verify-token"), "strava-verify-token"));
    }

    @ParameterizedTest
    @MethodSource("secrets")
    void a_secret_prints_its_type_and_redacted_never_its_value(Object secret, String value) {
        assertThat(secret.toString())
                .doesNotContain(value)
                .isEqualTo(secret.getClass().getSimpleName() + "[redacted]");
    }

    @Test
    void a_pending_authorization_does_not_print_its_pkce_verifier() {
        PendingAuthorization pending = Fixtures.pending("withings", Optional.of(Fixtures.DONE), false);

        assertThat(pending.toString()).doesNotContain(RFC7636_VERIFIER).contains("PkceVerifier[redacted]");
    }

    @Test
    void a_token_set_does_not_print_its_tokens() {
        TokenSet tokens = Fixtures.tokens(ACCESS, Optional.of(REFRESH));

        assertThat(tokens.toString()).doesNotContain(ACCESS).doesNotContain(REFRESH);
    }

    @Test
    void webhook_settings_do_not_print_their_secret_or_verify_token() {
        WebhookSettings settings = new WebhookSettings(
                Optional.of(new WebhookSecret("polar-signature-secret-key")),
                Optional.of(new VerifyToken("strava-verify-token")));

        assertThat(settings.toString())
                .doesNotContain("polar-signature-secret-key")
                .doesNotContain("strava-verify-token");
    }

    @Test
    void a_provider_config_does_not_print_its_client_secret() {
        assertThat(Fixtures.provider("withings").toString()).doesNotContain("client-secret-of-withings");
    }

    @Test
    void a_verified_callback_does_not_print_its_code_or_verifier() {
        StateVerified verified = new StateVerified(
                Fixtures.provider("withings"),
                Fixtures.pending("withings", Optional.empty(), false),
                new Grant.AuthorizationCodeGrant(
                        new AuthorizationCode(CODE), Optional.of(new PkceVerifier(RFC7636_VERIFIER))),
                Optional.empty());

        assertThat(verified.toString()).doesNotContain(CODE).doesNotContain(RFC7636_VERIFIER);
    }
}
