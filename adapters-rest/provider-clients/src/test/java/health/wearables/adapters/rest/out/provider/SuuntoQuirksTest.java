package health.wearables.adapters.rest.out.provider;

import static health.wearables.adapters.rest.out.provider.ProviderSimulator.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.TokenSet;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SuuntoQuirksTest extends SimulatedProviderTest {

    SuuntoQuirksTest() {
        super(SuuntoQuirks.DEFAULTS);
    }

    /** A JWT shaped like Suunto's access token; the signature is junk, since it is never checked. */
    private static String jwt(String claims) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJlLW5vdC1jaGVja2Vk";
    }

    private void tokenAnswersWith(String accessToken) {
        tokenAnswers(json(
                200,
                "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"bearer\","
                        + "\"refresh_token\":\"suunto-refresh\",\"expires_in\":86399,\"scope\":\"workout\","
                        + "\"jti\":\"0c1d\"}"));
    }

    @Test
    void exchanges_with_basic_auth_and_reads_the_user_from_the_access_token_claims() {
        assertThat(SuuntoQuirks.DEFAULTS.clientAuthentication()).isEqualTo(ClientAuthentication.BASIC);
        assertThat(SuuntoQuirks.SUBSCRIPTION_KEY_HEADER).isEqualTo("Ocp-Apim-Subscription-Key");
        String accessToken = jwt("{\"exp\":1795255200,\"user\":\"suunto-user-42\",\"sub\":\"other\","
                + "\"scope\":[\"workout\"],\"client_id\":\"gateway-client\"}");
        tokenAnswersWith(accessToken);

        TokenSet tokens = exchanged(exchange());

        assertThat(tokens.accessToken().value()).isEqualTo(accessToken);
        assertThat(tokens.providerUserId()).contains("suunto-user-42");
        assertThat(tokens.refreshToken()).isPresent();
        assertThat(tokens.accessTokenExpiresAt()).contains(NOW.plusSeconds(86399));
        assertThat(tokens.scopes()).containsExactly("workout");
        var request = theTokenRequest();
        assertCodeGrant(request);
        assertBasicClientAuthentication(request);
        assertThat(request.header(SuuntoQuirks.SUBSCRIPTION_KEY_HEADER))
                .as("only for API calls")
                .isEmpty();
    }

    @Test
    void without_a_user_claim_the_subject_names_the_user() {
        tokenAnswersWith(jwt("{\"sub\":\"suunto-subject-7\"}"));

        assertThat(exchanged(exchange()).providerUserId()).contains("suunto-subject-7");
        theTokenRequest();
    }

    @Test
    void an_opaque_access_token_connects_without_a_user_id() {
        tokenAnswersWith("not-a-jwt");

        TokenSet tokens = exchanged(exchange());

        assertThat(tokens.providerUserId()).isEmpty();
        theTokenRequest();
    }

    @Test
    void a_used_code_is_invalid_grant() {
        assertRefusal(
                json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid authorization code\"}"),
                "invalid_grant");
    }
}
