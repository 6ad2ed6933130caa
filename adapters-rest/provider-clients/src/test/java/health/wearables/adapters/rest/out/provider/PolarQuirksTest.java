package health.wearables.adapters.rest.out.provider;

import static health.wearables.adapters.rest.out.provider.ProviderSimulator.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.TokenSet;
import health.wearables.domain.callback.ExchangeResult;
import health.wearables.domain.callback.ExchangeResult.Failed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolarQuirksTest extends SimulatedProviderTest {
    private static final String TOKENS = "{\"access_token\":\"polar-access\",\"token_type\":\"bearer\","
            + "\"expires_in\":31535999,\"x_user_id\":10201}";
    private static final String REGISTERED =
            "{\"polar-user-id\":10201,\"member-id\":\"10201\"," + "\"registration-date\":\"2026-11-21T10:00:00.000Z\"}";

    PolarQuirksTest() {
        super(PolarQuirks.DEFAULTS);
    }

    @Test
    void exchanges_with_basic_auth_then_registers_the_user_with_the_new_bearer_token() {
        assertThat(PolarQuirks.DEFAULTS.clientAuthentication()).isEqualTo(ClientAuthentication.BASIC);
        tokenAnswers(json(200, TOKENS));
        simulator.answer(PolarQuirks.REGISTRATION_PATH, json(200, REGISTERED));

        TokenSet tokens = exchanged(exchange());

        assertThat(tokens.providerUserId()).contains("10201");
        assertThat(tokens.refreshToken()).as("Polar issues no refresh token").isEmpty();
        assertThat(tokens.accessTokenExpiresAt()).contains(NOW.plusSeconds(31535999));
        assertThat(tokens.scopes()).containsExactly("accesslink.read_all");
        var request = theTokenRequest();
        assertCodeGrant(request);
        assertBasicClientAuthentication(request);
        var registration = theOnlyRequest(PolarQuirks.REGISTRATION_PATH);
        assertThat(registration.method()).isEqualTo("POST");
        assertBearer(registration, "polar-access");
        assertThat(registration.header("Content-Type")).contains("application/json");
        assertThat(registration.body()).isEqualTo("{\"member-id\":\"10201\"}");
    }

    @Test
    void already_registered_409_is_success() {
        tokenAnswers(json(200, TOKENS));
        simulator.answer(
                PolarQuirks.REGISTRATION_PATH, json(409, "{\"error\":{\"message\":\"User already" + " registered\"}}"));

        TokenSet tokens = exchanged(exchange());

        assertThat(tokens.providerUserId()).contains("10201");
        theTokenRequest();
        theOnlyRequest(PolarQuirks.REGISTRATION_PATH);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 500, 503})
    void any_other_registration_answer_fails_the_exchange(int status) {
        tokenAnswers(json(200, TOKENS));
        simulator.answer(PolarQuirks.REGISTRATION_PATH, json(status, "{\"error\":\"nope\"}"));

        ExchangeResult result = exchange();

        assertThat(result).isEqualTo(new Failed("Polar user registration answered HTTP " + status));
        theTokenRequest();
        theOnlyRequest(PolarQuirks.REGISTRATION_PATH);
    }

    @Test
    void a_token_response_without_x_user_id_fails_without_registering() {
        tokenAnswers(json(200, "{\"access_token\":\"polar-access\",\"token_type\":\"bearer\",\"expires_in\":3600}"));

        assertThat(exchange()).isInstanceOf(Failed.class);
        theTokenRequest();
        assertThat(simulator.requests(PolarQuirks.REGISTRATION_PATH)).isEmpty();
    }

    @Test
    void a_refused_code_makes_no_registration_call() {
        assertRefusal(json(400, "{\"error\":\"invalid_grant\"}"), "invalid_grant");
        assertThat(simulator.requests(PolarQuirks.REGISTRATION_PATH)).isEmpty();
    }
}
