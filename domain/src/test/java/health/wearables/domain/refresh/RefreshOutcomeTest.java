package health.wearables.domain.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.AccessToken;
import health.wearables.domain.RefreshToken;
import health.wearables.domain.TokenSet;
import health.wearables.domain.callback.ExchangeResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RefreshOutcomeTest {
    static final Optional<RefreshToken> STORED = Optional.of(new RefreshToken("stored-refresh"));

    static TokenSet tokens(Optional<RefreshToken> refresh) {
        return new TokenSet(
                new AccessToken("new-access"),
                refresh,
                Optional.of(Instant.parse("2026-11-30T13:00:00Z")),
                List.of("daily"),
                Optional.of("user-1"));
    }

    static String kind(RefreshOutcome outcome) {
        return outcome.fold(refreshed -> "refreshed", reauth -> "reauth:" + reauth.providerError(), later -> "later");
    }

    @Test
    void a_rotated_refresh_token_replaces_the_stored_one() {
        RefreshOutcome outcome = RefreshOutcome.of(
                new ExchangeResult.Exchanged(tokens(Optional.of(new RefreshToken("rotated")))), STORED);

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        RefreshOutcome.Refreshed.class,
                        refreshed ->
                                assertThat(refreshed.tokens().refreshToken()).contains(new RefreshToken("rotated")));
    }

    @Test
    void an_answer_without_a_refresh_token_keeps_the_stored_one() {
        RefreshOutcome outcome = RefreshOutcome.of(new ExchangeResult.Exchanged(tokens(Optional.empty())), STORED);

        assertThat(outcome).isInstanceOfSatisfying(RefreshOutcome.Refreshed.class, refreshed -> {
            assertThat(refreshed.tokens().refreshToken()).isEqualTo(STORED);
            assertThat(refreshed.tokens().accessToken()).isEqualTo(new AccessToken("new-access"));
        });
    }

    @Test
    void only_a_refused_refresh_token_requires_the_patient_to_connect_again() {
        assertThat(kind(RefreshOutcome.of(new ExchangeResult.Refused("invalid_grant"), STORED)))
                .isEqualTo("reauth:invalid_grant");
        assertThat(kind(RefreshOutcome.of(new ExchangeResult.Refused("invalid_client"), STORED)))
                .as("our client's configuration is not the patient's to fix")
                .isEqualTo("later");
        assertThat(kind(RefreshOutcome.of(new ExchangeResult.Failed("HTTP 503"), STORED)))
                .isEqualTo("later");
        assertThat(kind(RefreshOutcome.of(new ExchangeResult.Failed("timed out"), STORED)))
                .isEqualTo("later");
    }
}
