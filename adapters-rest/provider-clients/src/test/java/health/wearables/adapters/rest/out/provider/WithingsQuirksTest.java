package health.wearables.adapters.rest.out.provider;

import static health.wearables.adapters.rest.out.provider.ProviderSimulator.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.RefreshToken;
import health.wearables.domain.TokenSet;
import health.wearables.domain.callback.ExchangeResult;
import health.wearables.domain.callback.ExchangeResult.Failed;
import health.wearables.domain.callback.ExchangeResult.Refused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @Test
    void a_refresh_is_requesttoken_with_the_refresh_grant_and_reads_the_wrapped_answer() {
        RefreshToken sent = new RefreshToken("withings-refresh");
        tokenAnswers(json(
                200,
                "{\"status\":0,\"body\":{\"userid\":\"363\",\"access_token\":\"withings-access-2\","
                        + "\"refresh_token\":\"withings-refresh-2\",\"expires_in\":10800,\"token_type\":\"Bearer\"}}"));

        TokenSet tokens = exchanged(refresh(sent));

        assertThat(tokens.accessToken().value()).isEqualTo("withings-access-2");
        assertThat(tokens.refreshToken()).contains(new RefreshToken("withings-refresh-2"));
        assertThat(tokens.providerUserId()).contains("363");
        var request = theTokenRequest();
        assertRefreshGrant(request, sent);
        assertBodyClientAuthentication(request);
        assertThat(request.form()).containsEntry("action", "requesttoken");
    }

    @ParameterizedTest
    @ValueSource(ints = {503, 401})
    void a_refresh_token_refused_inside_http_200_is_invalid_grant(int status) {
        tokenAnswers(json(
                200, "{\"status\":" + status + ",\"body\":{},\"error\":\"Invalid Params: invalid refresh_token\"}"));

        assertThat(refresh(new RefreshToken("withings-refresh"))).isEqualTo(new Refused("invalid_grant"));
        theTokenRequest();
    }

    @Test
    void status_503_for_a_malformed_request_of_ours_is_a_failure_not_a_refused_refresh_token() {
        tokenAnswers(json(200, "{\"status\":503,\"body\":{},\"error\":\"Invalid Params: invalid grant_type\"}"));

        assertThat(refresh(new RefreshToken("withings-refresh")))
                .isEqualTo(new Failed("Withings answered status 503 (HTTP 200)"));
        theTokenRequest();
    }

    @Test
    void status_601_at_a_refresh_still_fails() {
        tokenAnswers(json(200, "{\"status\":601,\"body\":{}}"));

        assertThat(refresh(new RefreshToken("withings-refresh")))
                .isEqualTo(new Failed("Withings answered status 601 (HTTP 200)"));
        theTokenRequest();
    }
}
