package health.wearables.adapters.rest.out.provider;

import static health.wearables.adapters.rest.out.provider.ProviderSimulator.Answer.json;
import static health.wearables.adapters.rest.out.provider.TestProviders.CLIENT_SECRET;
import static health.wearables.adapters.rest.out.provider.TestProviders.CODE;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.callback.ExchangeResult;
import health.wearables.domain.callback.ExchangeResult.Failed;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A follow-up call (here Garmin's user-id lookup) runs under the token call's rules: deadline, body cap, no
 * redirects, one send, and nothing of the tokens or the body in the logs.
 */
class FollowUpTransportTest extends SimulatedProviderTest {
    private static final String TOKENS = "{\"access_token\":\"garmin-access-DO-NOT-LOG\",\"token_type\":\"bearer\","
            + "\"refresh_token\":\"garmin-refresh-DO-NOT-LOG\",\"expires_in\":86400}";

    FollowUpTransportTest() {
        super(GarminQuirks.DEFAULTS);
    }

    @Test
    void a_hanging_follow_up_fails_at_the_deadline() {
        tokenAnswers(json(200, TOKENS));
        simulator.answer(GarminQuirks.USER_ID_PATH, ProviderSimulator.Answer.hang());

        ExchangeResult result =
                exchange(new TokenEndpointLimits(Duration.ofSeconds(1), Duration.ofMillis(500), 64 * 1024));

        assertThat(result).isEqualTo(new Failed("Garmin user id lookup failed: no complete answer within 500 ms"));
        theTokenRequest();
        theOnlyRequest(GarminQuirks.USER_ID_PATH);
    }

    @Test
    void a_follow_up_over_the_body_cap_fails() {
        tokenAnswers(json(200, TOKENS));
        simulator.answer(GarminQuirks.USER_ID_PATH, ProviderSimulator.Answer.oversized(200 * 1024, false));

        assertThat(exchange()).isEqualTo(new Failed("Garmin user id lookup failed: response body over 65536 bytes"));
        theTokenRequest();
    }

    @Test
    void a_redirected_follow_up_is_not_followed() {
        tokenAnswers(json(200, TOKENS));
        simulator.answer(
                GarminQuirks.USER_ID_PATH,
                ProviderSimulator.Answer.redirect(simulator.baseUri().resolve("/elsewhere")));
        simulator.answer("/elsewhere", json(200, "{\"userId\":\"stolen\"}"));

        assertThat(exchange()).isEqualTo(new Failed("Garmin user id lookup answered HTTP 302"));
        assertThat(simulator.requests("/elsewhere")).isEmpty();
        theTokenRequest();
    }

    @Test
    void logs_name_the_provider_but_no_token_body_or_secret() {
        tokenAnswers(json(200, TOKENS));
        simulator.answer(GarminQuirks.USER_ID_PATH, json(500, "{\"message\":\"garmin-access-DO-NOT-LOG\"}"));

        try (LogCapture logs = LogCapture.everything()) {
            assertThat(exchange()).isInstanceOf(Failed.class);

            assertThat(logs.lines())
                    .anySatisfy(line ->
                            assertThat(line).contains("garmin").contains("Garmin user id lookup answered HTTP 500"));
            assertThat(logs.lines())
                    .noneSatisfy(line -> assertThat(line).containsAnyOf("DO-NOT-LOG", CLIENT_SECRET, CODE.value()));
        }
    }
}
