package health.wearables.adapters.rest.out.provider;

import static health.wearables.adapters.rest.out.provider.ProviderSimulator.Answer.json;
import static health.wearables.adapters.rest.out.provider.TestProviders.CLIENT_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.adapters.rest.out.provider.ProviderSimulator.TokenIn;
import health.wearables.domain.lifecycle.RevocationOutcome;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Revocations log the provider and our reason, never a token or the client secret: the endpoint below echoes every
 * secret in its error bodies, and everything logged anywhere in the JVM during the revocations is searched.
 */
class RevocationLoggingTest extends SimulatedProviderTest {
    private static final String ACCESS_TOKEN = "access-token-revoke-DO-NOT-LOG";
    private static final String REFRESH_TOKEN = "refresh-token-revoke-DO-NOT-LOG";
    private static final List<String> SECRETS = List.of(ACCESS_TOKEN, REFRESH_TOKEN, CLIENT_SECRET);
    private static final String ECHO =
            "{\"error\":\"invalid_request\",\"error_description\":\"" + String.join(" ", SECRETS) + "\"}";

    RevocationLoggingTest() {
        super(FitbitQuirks.DEFAULTS);
    }

    @Test
    void no_token_or_client_secret_reaches_the_log_whatever_the_outcome() {
        List<String> lines;
        List<RevocationOutcome> outcomes;
        try (LogCapture log = LogCapture.everything()) {
            simulator.answer("/oauth2/revoke", json(400, ECHO));
            RevocationOutcome refused = revoke(tokens(ACCESS_TOKEN, Optional.of(REFRESH_TOKEN)));
            simulator.answer("/oauth2/revoke", json(503, ECHO));
            RevocationOutcome unavailable = revoke(tokens(ACCESS_TOKEN, Optional.of(REFRESH_TOKEN)));
            simulator.answer("/oauth2/revoke", simulator.revocation(TokenIn.FORM_TOKEN, 200, 200));
            simulator.hangRevocations(true);
            RevocationOutcome timedOut =
                    revoke(provider(), tokens(ACCESS_TOKEN, Optional.of(REFRESH_TOKEN)), SHORT_DEADLINE);
            simulator.hangRevocations(false);
            RevocationOutcome revoked = revoke(tokens(ACCESS_TOKEN, Optional.of(REFRESH_TOKEN)));
            outcomes = List.of(refused, unavailable, timedOut, revoked);
            lines = log.lines();
        }

        assertThat(outcomes)
                .extracting(RevocationOutcome::label)
                .containsExactly("failed", "failed", "failed", "revoked");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("fitbit").contains("HTTP 503"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("fitbit").contains("revoked"));
        for (String secret : SECRETS) {
            assertThat(lines).noneSatisfy(line -> assertThat(line).contains(secret));
            assertThat(outcomes)
                    .noneSatisfy(outcome -> assertThat(outcome.toString()).contains(secret));
        }
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains("error_description"));
    }
}
