package health.wearables.adapters.rest.out.provider;

import static health.wearables.adapters.rest.out.provider.ProviderSimulator.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.RefreshToken;
import health.wearables.domain.TokenSet;
import health.wearables.domain.callback.ExchangeResult.Failed;
import health.wearables.domain.callback.ExchangeResult.Refused;
import org.junit.jupiter.api.Test;

class StravaQuirksTest extends SimulatedProviderTest {

    StravaQuirksTest() {
        super(StravaQuirks.DEFAULTS);
    }

    private static String tokens(long expiresAt) {
        return "{\"token_type\":\"Bearer\",\"expires_at\":" + expiresAt + ",\"expires_in\":21600,"
                + "\"refresh_token\":\"strava-refresh\",\"access_token\":\"strava-access\","
                + "\"athlete\":{\"id\":134815,\"username\":\"marianne_t\",\"firstname\":\"Marianne\"}}";
    }

    @Test
    void reads_the_athlete_id_and_the_absolute_expires_at() {
        tokenAnswers(json(200, tokens(NOW.getEpochSecond() + 20000)));

        TokenSet tokens = exchanged(exchange());

        assertThat(tokens.providerUserId()).contains("134815");
        assertThat(tokens.accessTokenExpiresAt())
                .as("expires_at wins over expires_in")
                .contains(NOW.plusSeconds(20000));
        assertThat(tokens.refreshToken()).isPresent();
        assertThat(tokens.scopes())
                .as("no scope in the answer: what was asked for")
                .containsExactly("read", "activity:read_all");
        var request = theTokenRequest();
        assertCodeGrant(request);
        assertBodyClientAuthentication(request);
    }

    @Test
    void an_absurd_expires_at_is_clamped() {
        tokenAnswers(json(200, tokens(Long.MAX_VALUE)));
        assertThat(exchanged(exchange()).accessTokenExpiresAt()).contains(NOW.plus(TokenSet.MAX_LIFETIME));

        tokenAnswers(json(200, tokens(NOW.getEpochSecond() - 60)));
        assertThat(exchanged(exchange()).accessTokenExpiresAt()).contains(NOW);
    }

    @Test
    void an_invalid_code_in_its_error_shape_is_invalid_grant() {
        assertRefusal(
                json(
                        400,
                        "{\"message\":\"Bad Request\",\"errors\":[{\"resource\":\"AuthorizationCode\","
                                + "\"field\":\"code\",\"code\":\"invalid\"}]}"),
                "invalid_grant");
    }

    @Test
    void a_wrong_secret_in_its_error_shape_is_invalid_client() {
        assertRefusal(
                json(
                        401,
                        "{\"message\":\"Authorization Error\",\"errors\":[{\"resource\":\"Application\","
                                + "\"field\":\"client_secret\",\"code\":\"invalid\"}]}"),
                "invalid_client");
    }

    @Test
    void another_error_shape_fails() {
        tokenAnswers(json(
                400,
                "{\"message\":\"Bad Request\",\"errors\":[{\"resource\":\"Athlete\","
                        + "\"field\":\"access\",\"code\":\"forbidden\"}]}"));

        assertThat(exchange()).isInstanceOf(Failed.class);
        theTokenRequest();
    }

    @Test
    void an_invalid_refresh_token_in_its_error_shape_is_invalid_grant() {
        tokenAnswers(json(
                400,
                "{\"message\":\"Bad Request\",\"errors\":[{\"resource\":\"RefreshToken\","
                        + "\"field\":\"refresh_token\",\"code\":\"invalid\"}]}"));

        assertThat(refresh(new RefreshToken("strava-refresh"))).isEqualTo(new Refused("invalid_grant"));
        assertRefreshGrant(theTokenRequest(), new RefreshToken("strava-refresh"));
    }
}
