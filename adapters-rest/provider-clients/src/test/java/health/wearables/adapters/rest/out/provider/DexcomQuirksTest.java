package health.wearables.adapters.rest.out.provider;

import static health.wearables.adapters.rest.out.provider.ProviderSimulator.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.ProviderSlug;
import health.wearables.domain.TokenSet;
import org.junit.jupiter.api.Test;

class DexcomQuirksTest extends SimulatedProviderTest {

    DexcomQuirksTest() {
        super(DexcomQuirks.PRODUCTION);
    }

    @Test
    void production_and_sandbox_are_two_slugs_on_two_hosts() {
        assertThat(DexcomQuirks.PRODUCTION.endpoints().token()).hasToString("https://api.dexcom.com/v2/oauth2/token");
        assertThat(DexcomQuirks.SANDBOX.endpoints().token())
                .hasToString("https://sandbox-api.dexcom.com/v2/oauth2/token");
        assertThat(DexcomQuirks.SANDBOX.endpoints().authorization())
                .hasToString("https://sandbox-api.dexcom.com/v2/oauth2/login");
        assertThat(DocumentedBuiltInProviders.standard().find(new ProviderSlug("dexcom-sandbox")))
                .contains(DexcomQuirks.SANDBOX);
        assertThat(DexcomQuirks.PRODUCTION.scopes()).containsExactly("offline_access");
    }

    @Test
    void exchanges_with_the_credentials_in_the_body() {
        tokenAnswers(json(
                200,
                "{\"access_token\":\"dexcom-access\",\"expires_in\":7200,\"token_type\":\"Bearer\","
                        + "\"refresh_token\":\"dexcom-refresh\"}"));

        TokenSet tokens = exchanged(exchange());

        assertThat(tokens.refreshToken()).isPresent();
        assertThat(tokens.accessTokenExpiresAt()).contains(NOW.plusSeconds(7200));
        assertThat(tokens.scopes()).containsExactly("offline_access");
        var request = theTokenRequest();
        assertCodeGrant(request);
        assertBodyClientAuthentication(request);
    }

    @Test
    void a_used_code_is_invalid_grant() {
        assertRefusal(
                json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid authorization code\"}"),
                "invalid_grant");
    }
}
