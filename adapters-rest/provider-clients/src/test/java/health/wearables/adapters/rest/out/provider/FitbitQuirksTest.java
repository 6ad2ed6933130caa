package health.wearables.adapters.rest.out.provider;

import static health.wearables.adapters.rest.out.provider.ProviderSimulator.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.Pkce;
import health.wearables.domain.RefreshToken;
import health.wearables.domain.TokenSet;
import health.wearables.domain.callback.ExchangeResult.Refused;
import org.junit.jupiter.api.Test;

class FitbitQuirksTest extends SimulatedProviderTest {

    FitbitQuirksTest() {
        super(FitbitQuirks.DEFAULTS);
    }

    @Test
    void documented_defaults_basic_auth_pkce_and_marked_as_turned_off_naming_the_successor() {
        assertThat(FitbitQuirks.DEFAULTS.clientAuthentication()).isEqualTo(ClientAuthentication.BASIC);
        assertThat(FitbitQuirks.DEFAULTS.pkce()).isEqualTo(Pkce.S256);
        assertThat(FitbitQuirks.DEFAULTS.description())
                .contains("turned off by Google on 2026-10-30")
                .contains("'google-health'");
    }

    @Test
    void exchanges_with_basic_auth_and_pkce_and_reads_user_id() {
        tokenAnswers(json(
                200,
                "{\"access_token\":\"fitbit-access\",\"expires_in\":28800,"
                        + "\"refresh_token\":\"fitbit-refresh\",\"scope\":\"heartrate activity sleep\","
                        + "\"token_type\":\"Bearer\",\"user_id\":\"GGNJL9\"}"));

        TokenSet tokens = exchanged(exchange());

        assertThat(tokens.accessToken().value()).isEqualTo("fitbit-access");
        assertThat(tokens.refreshToken()).isPresent();
        assertThat(tokens.providerUserId()).contains("GGNJL9");
        assertThat(tokens.accessTokenExpiresAt()).contains(NOW.plusSeconds(28800));
        assertThat(tokens.scopes()).containsExactly("heartrate", "activity", "sleep");
        var request = theTokenRequest();
        assertCodeGrant(request);
        assertBasicClientAuthentication(request);
    }

    @Test
    void its_own_error_shape_is_a_refusal_with_the_error_type() {
        assertRefusal(
                json(
                        400,
                        "{\"errors\":[{\"errorType\":\"invalid_grant\","
                                + "\"message\":\"Authorization code invalid: code-9c1e Visit https://dev.fitbit.com/docs\"}],"
                                + "\"success\":false}"),
                "invalid_grant");
    }

    @Test
    void a_wrong_secret_in_its_error_shape_is_invalid_client() {
        assertRefusal(
                json(
                        401,
                        "{\"errors\":[{\"errorType\":\"invalid_client\","
                                + "\"message\":\"Invalid authorization header format.\"}],\"success\":false}"),
                "invalid_client");
    }

    @Test
    void a_refresh_uses_basic_auth_and_an_invalid_refresh_token_in_its_error_shape_is_invalid_grant() {
        tokenAnswers(json(
                400,
                "{\"errors\":[{\"errorType\":\"invalid_grant\","
                        + "\"message\":\"Refresh token invalid: fitbit-refresh\"}],\"success\":false}"));

        assertThat(refresh(new RefreshToken("fitbit-refresh"))).isEqualTo(new Refused("invalid_grant"));
        var request = theTokenRequest();
        assertRefreshGrant(request, new RefreshToken("fitbit-refresh"));
        assertBasicClientAuthentication(request);
    }
}
