package health.wearables.adapters.rest.out.provider;

import static health.wearables.adapters.rest.out.provider.ProviderSimulator.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.Pkce;
import health.wearables.domain.TokenSet;
import health.wearables.domain.callback.ExchangeResult;
import health.wearables.domain.callback.ExchangeResult.Failed;
import org.junit.jupiter.api.Test;

class GarminQuirksTest extends SimulatedProviderTest {
    private static final String TOKENS = "{\"access_token\":\"garmin-access\",\"token_type\":\"bearer\","
            + "\"refresh_token\":\"garmin-refresh\",\"expires_in\":86400,"
            + "\"scope\":\"PARTNER_WRITE PARTNER_READ CONNECT_READ CONNECT_WRITE\",\"jti\":\"a1b2\","
            + "\"refresh_token_expires_in\":7775999}";

    GarminQuirksTest() {
        super(GarminQuirks.DEFAULTS);
    }

    @Test
    void pkce_is_required_and_the_credentials_go_in_the_body() {
        assertThat(GarminQuirks.DEFAULTS.pkce()).isEqualTo(Pkce.S256);
        assertThat(GarminQuirks.DEFAULTS.clientAuthentication()).isEqualTo(ClientAuthentication.POST);
    }

    @Test
    void exchanges_then_looks_up_the_user_id_with_the_new_bearer_token() {
        tokenAnswers(json(200, TOKENS));
        simulator.answer(GarminQuirks.USER_ID_PATH, json(200, "{\"userId\":\"d3315b1072421d0dd7c8f6b8e1de4df8\"}"));

        TokenSet tokens = exchanged(exchange());

        assertThat(tokens.providerUserId()).contains("d3315b1072421d0dd7c8f6b8e1de4df8");
        assertThat(tokens.refreshToken()).isPresent();
        assertThat(tokens.accessTokenExpiresAt()).contains(NOW.plusSeconds(86400));
        assertThat(tokens.scopes()).containsExactly("PARTNER_WRITE", "PARTNER_READ", "CONNECT_READ", "CONNECT_WRITE");
        var request = theTokenRequest();
        assertCodeGrant(request);
        assertBodyClientAuthentication(request);
        var lookup = theOnlyRequest(GarminQuirks.USER_ID_PATH);
        assertThat(lookup.method()).isEqualTo("GET");
        assertBearer(lookup, "garmin-access");
    }

    @Test
    void a_failed_user_id_lookup_fails_the_exchange_without_a_second_token_call() {
        tokenAnswers(json(200, TOKENS));
        simulator.answer(GarminQuirks.USER_ID_PATH, json(401, "{\"errorMessage\":\"Unauthorized\"}"));

        ExchangeResult result = exchange();

        assertThat(result).isInstanceOf(Failed.class);
        assertThat(((Failed) result).reason()).isEqualTo("Garmin user id lookup answered HTTP 401");
        theTokenRequest();
        theOnlyRequest(GarminQuirks.USER_ID_PATH);
    }

    @Test
    void a_user_id_answer_without_a_user_id_fails_the_exchange() {
        tokenAnswers(json(200, TOKENS));
        simulator.answer(GarminQuirks.USER_ID_PATH, json(200, "{\"id\":\"elsewhere\"}"));

        assertThat(exchange()).isInstanceOf(Failed.class);
        theTokenRequest();
    }

    @Test
    void a_refused_code_makes_no_follow_up_call() {
        assertRefusal(
                json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"code expired\"}"), "invalid_grant");
        assertThat(simulator.requests(GarminQuirks.USER_ID_PATH)).isEmpty();
    }
}
