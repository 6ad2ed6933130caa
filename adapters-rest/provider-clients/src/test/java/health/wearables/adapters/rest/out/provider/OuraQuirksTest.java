package health.wearables.adapters.rest.out.provider;

import static health.wearables.adapters.rest.out.provider.ProviderSimulator.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.TokenSet;
import org.junit.jupiter.api.Test;

class OuraQuirksTest extends SimulatedProviderTest {

    OuraQuirksTest() {
        super(OuraQuirks.DEFAULTS);
    }

    @Test
    void exchanges_with_the_credentials_in_the_body() {
        assertThat(OuraQuirks.DEFAULTS.clientAuthentication()).isEqualTo(ClientAuthentication.POST);
        tokenAnswers(json(
                200,
                "{\"token_type\":\"bearer\",\"access_token\":\"oura-access\",\"expires_in\":86400,"
                        + "\"refresh_token\":\"oura-refresh\",\"scope\":\"personal daily heartrate\"}"));

        TokenSet tokens = exchanged(exchange());

        assertThat(tokens.refreshToken()).isPresent();
        assertThat(tokens.accessTokenExpiresAt()).contains(NOW.plusSeconds(86400));
        assertThat(tokens.scopes()).containsExactly("personal", "daily", "heartrate");
        assertThat(tokens.providerUserId()).isEmpty();
        var request = theTokenRequest();
        assertCodeGrant(request);
        assertBodyClientAuthentication(request);
    }

    @Test
    void a_used_code_is_invalid_grant() {
        assertRefusal(json(400, "{\"error\":\"invalid_grant\"}"), "invalid_grant");
    }
}
