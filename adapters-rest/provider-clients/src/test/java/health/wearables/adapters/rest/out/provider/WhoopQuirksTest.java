package health.wearables.adapters.rest.out.provider;

import static health.wearables.adapters.rest.out.provider.ProviderSimulator.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.TokenSet;
import org.junit.jupiter.api.Test;

class WhoopQuirksTest extends SimulatedProviderTest {

    WhoopQuirksTest() {
        super(WhoopQuirks.DEFAULTS);
    }

    @Test
    void offline_is_a_default_scope_so_a_refresh_token_comes_back() {
        assertThat(WhoopQuirks.DEFAULTS.scopes()).contains("offline");
        tokenAnswers(json(
                200,
                "{\"access_token\":\"whoop-access\",\"expires_in\":3600,"
                        + "\"refresh_token\":\"whoop-refresh\",\"scope\":\"offline read:recovery read:sleep\","
                        + "\"token_type\":\"bearer\"}"));

        TokenSet tokens = exchanged(exchange());

        assertThat(tokens.refreshToken()).isPresent();
        assertThat(tokens.accessTokenExpiresAt()).contains(NOW.plusSeconds(3600));
        assertThat(tokens.scopes()).containsExactly("offline", "read:recovery", "read:sleep");
        assertThat(tokens.providerUserId()).isEmpty();
        var request = theTokenRequest();
        assertCodeGrant(request);
        assertBodyClientAuthentication(request);
    }

    @Test
    void without_offline_granted_there_is_no_refresh_token_and_the_connection_is_not_refreshable() {
        tokenAnswers(json(
                200,
                "{\"access_token\":\"whoop-access\",\"expires_in\":3600,"
                        + "\"scope\":\"read:recovery\",\"token_type\":\"bearer\"}"));

        TokenSet tokens = exchanged(exchange());

        assertThat(tokens.refreshToken()).isEmpty();
        assertThat(tokens.accessTokenExpiresAt()).contains(NOW.plusSeconds(3600));
        theTokenRequest();
    }

    @Test
    void a_used_code_is_invalid_grant() {
        assertRefusal(
                json(
                        400,
                        "{\"error\":\"invalid_grant\",\"error_description\":\"The provided authorization"
                                + " grant is invalid, expired or revoked\"}"),
                "invalid_grant");
    }
}
