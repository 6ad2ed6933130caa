package health.wearables.domain.callback;

import static health.wearables.domain.Fixtures.ok;
import static health.wearables.domain.Fixtures.rejection;
import static health.wearables.domain.callback.Callbacks.approved;
import static health.wearables.domain.callback.Callbacks.stored;
import static health.wearables.domain.callback.Callbacks.verify;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.Fixtures;
import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.TokenSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** State 3 → 4: the token endpoint's one answer. */
class StateVerifiedTest {
    private final StateVerified verified = ok(verify(approved(), stored()));

    @Test
    void issued_tokens_are_obtained_for_the_verified_record() {
        TokenSet tokens = Fixtures.tokens("access-1", Optional.of("refresh-1"));

        TokensObtained obtained = ok(verified.exchanged(new ExchangeResult.Exchanged(tokens)));

        assertThat(obtained.tokens()).isEqualTo(tokens);
        assertThat(obtained.pending()).isEqualTo(stored().orElseThrow());
        assertThat(obtained.key().canonical()).isEqualTo("acme/123/withings");
    }

    @Test
    void a_code_refused_as_invalid_grant_asks_the_patient_to_start_again() {
        Rejection rejection = rejection(verified.exchanged(new ExchangeResult.Refused("invalid_grant")));

        assertThat(rejection.code()).isEqualTo(RejectionCode.TOKEN_EXCHANGE_FAILED);
        assertThat(rejection.message())
                .isEqualTo(
                        "The provider did not accept the authorization code (used or expired); start connecting again.");
        assertThat(rejection.pending()).isEqualTo(stored());
    }

    @ParameterizedTest
    @ValueSource(strings = {"invalid_client", "unauthorized_client", "<html>oops</html>"})
    void another_refusal_is_a_failed_exchange_that_does_not_repeat_the_providers_words(String oauthError) {
        Rejection rejection = rejection(verified.exchanged(new ExchangeResult.Refused(oauthError)));

        assertThat(rejection.code()).isEqualTo(RejectionCode.TOKEN_EXCHANGE_FAILED);
        assertThat(rejection.message())
                .isEqualTo("The provider's token endpoint did not issue tokens; start connecting again later.")
                .doesNotContain(oauthError);
    }

    @Test
    void a_failed_exchange_asks_the_patient_to_start_again_later() {
        Rejection rejection = rejection(verified.exchanged(new ExchangeResult.Failed("HTTP 503 from token endpoint")));

        assertThat(rejection.code()).isEqualTo(RejectionCode.TOKEN_EXCHANGE_FAILED);
        assertThat(rejection.message()).contains("start connecting again").doesNotContain("503");
        assertThat(rejection.pending()).isEqualTo(stored());
    }
}
