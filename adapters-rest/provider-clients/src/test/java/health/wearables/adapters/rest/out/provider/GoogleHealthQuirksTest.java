package health.wearables.adapters.rest.out.provider;

import static health.wearables.adapters.rest.out.provider.ProviderSimulator.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.TokenSet;
import org.junit.jupiter.api.Test;

class GoogleHealthQuirksTest extends SimulatedProviderTest {

    GoogleHealthQuirksTest() {
        super(GoogleHealthQuirks.DEFAULTS);
    }

    @Test
    void exchanges_with_body_auth_and_pkce() {
        tokenAnswers(json(
                200,
                "{\"access_token\":\"ya29.a0-google-access\",\"expires_in\":3599,"
                        + "\"refresh_token\":\"1//google-refresh\",\"scope\":\""
                        + String.join(" ", GoogleHealthQuirks.DEFAULTS.scopes()) + "\",\"token_type\":\"Bearer\"}"));

        TokenSet tokens = exchanged(exchange());

        assertThat(tokens.refreshToken()).isPresent();
        assertThat(tokens.accessTokenExpiresAt()).contains(NOW.plusSeconds(3599));
        assertThat(tokens.scopes()).containsExactlyElementsOf(GoogleHealthQuirks.DEFAULTS.scopes());
        assertThat(tokens.providerUserId()).isEmpty();
        var request = theTokenRequest();
        assertCodeGrant(request);
        assertBodyClientAuthentication(request);
    }

    @Test
    void without_offline_access_there_is_no_refresh_token_and_the_connection_is_not_refreshable() {
        tokenAnswers(json(
                200,
                "{\"access_token\":\"ya29.a0-google-access\",\"expires_in\":3599," + "\"token_type\":\"Bearer\"}"));

        TokenSet tokens = exchanged(exchange());

        assertThat(tokens.refreshToken()).isEmpty();
        assertThat(tokens.scopes()).containsExactlyElementsOf(GoogleHealthQuirks.DEFAULTS.scopes());
        theTokenRequest();
    }

    @Test
    void a_used_code_is_invalid_grant() {
        assertRefusal(
                json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Bad Request\"}"), "invalid_grant");
    }
}
