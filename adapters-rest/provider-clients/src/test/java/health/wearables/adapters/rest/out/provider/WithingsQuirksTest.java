package health.wearables.adapters.rest.out.provider;

import static health.wearables.adapters.rest.out.provider.ProviderSimulator.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.TokenSet;
import health.wearables.domain.callback.ExchangeResult;
import health.wearables.domain.callback.ExchangeResult.Failed;
import org.junit.jupiter.api.Test;

class WithingsQuirksTest extends SimulatedProviderTest {

    WithingsQuirksTest() {
        super(WithingsQuirks.DEFAULTS);
    }

    @Test
    void the_token_call_is_requesttoken_to_v2_oauth2_with_the_credentials_in_the_body() {
        assertThat(WithingsQuirks.DEFAULTS.endpoints().token().getPath()).isEqualTo("/v2/oauth2");
        tokenAnswers(json(
                200,
                "{\"status\":0,\"body\":{\"userid\":\"363\",\"access_token\":\"withings-access\","
                        + "\"refresh_token\":\"withings-refresh\",\"scope\":\"user.info,user.metrics\",\"expires_in\":10800,"
                        + "\"csrf_token\":\"csrf\",\"token_type\":\"Bearer\"}}"));

        TokenSet tokens = exchanged(exchange());

        assertThat(tokens.accessToken().value()).isEqualTo("withings-access");
        assertThat(tokens.refreshToken()).isPresent();
        assertThat(tokens.providerUserId()).contains("363");
        assertThat(tokens.accessTokenExpiresAt()).contains(NOW.plusSeconds(10800));
        assertThat(tokens.scopes()).containsExactly("user.info", "user.metrics");
        var request = theTokenRequest();
        assertCodeGrant(request);
        assertBodyClientAuthentication(request);
        assertThat(request.form()).containsEntry("action", "requesttoken");
    }

    @Test
    void a_numeric_userid_is_read_too() {
        tokenAnswers(json(
                200,
                "{\"status\":0,\"body\":{\"userid\":12345678,\"access_token\":\"withings-access\","
                        + "\"refresh_token\":\"withings-refresh\",\"expires_in\":10800,\"token_type\":\"Bearer\"}}"));

        TokenSet tokens = exchanged(exchange());

        assertThat(tokens.providerUserId()).contains("12345678");
        assertThat(tokens.scopes()).containsExactlyElementsOf(WithingsQuirks.DEFAULTS.scopes());
        theTokenRequest();
    }

    @Test
    void status_601_with_http_200_fails() {
        tokenAnswers(json(200, "{\"status\":601,\"body\":{}}"));

        ExchangeResult result = exchange();

        assertThat(result).isEqualTo(new Failed("Withings answered status 601 (HTTP 200)"));
        theTokenRequest();
    }

    @Test
    void an_invalid_code_is_status_503_with_http_200_and_its_text_is_not_repeated() {
        tokenAnswers(json(200, "{\"status\":503,\"body\":{},\"error\":\"Invalid Params: invalid code-9c1e\"}"));

        ExchangeResult result = exchange();

        assertThat(result).isEqualTo(new Failed("Withings answered status 503 (HTTP 200)"));
        theTokenRequest();
    }

    @Test
    void status_0_without_a_body_or_no_status_at_all_fails() {
        tokenAnswers(json(200, "{\"status\":0}"));
        assertThat(exchange()).isInstanceOf(Failed.class);

        tokenAnswers(json(200, "{\"access_token\":\"unwrapped\",\"token_type\":\"Bearer\"}"));
        assertThat(exchange()).isEqualTo(new Failed("Withings answer without a numeric status (HTTP 200)"));
        assertThat(simulator.requests(tokenPath())).hasSize(2);
    }
}
