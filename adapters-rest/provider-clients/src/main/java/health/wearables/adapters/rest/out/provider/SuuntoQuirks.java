package health.wearables.adapters.rest.out.provider;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import health.wearables.domain.BuiltInProvider;
import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.Pkce;
import health.wearables.domain.ProviderEndpoints;
import health.wearables.domain.TokenSet;
import java.net.URI;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.minidev.json.JSONObject;

/**
 * Suunto Cloud API: Basic client authentication at the token endpoint; the access token is a JWT whose claims name
 * the user ({@code user}, else {@code sub}). The claims are only decoded, not verified: the token came straight from
 * Suunto's token endpoint over TLS in answer to our own request, and the id only labels the connection; it grants
 * nothing. API calls (not made here) also need the subscription key header.
 *
 * <p>No revocation of a grant was found in Suunto's API Zone documentation as available here (authorize and token
 * endpoints only), so a disconnect ends the grant at the gateway only ({@code NotOffered}) unless a revocation URL is
 * configured.
 */
final class SuuntoQuirks implements ProviderQuirks {

    /** Header for Suunto API calls, with the subscription key of the Suunto API Zone. Not used by the token call. */
    static final String SUBSCRIPTION_KEY_HEADER = "Ocp-Apim-Subscription-Key";

    static final BuiltInProvider DEFAULTS = new BuiltInProvider(
            "suunto",
            "Suunto",
            "Suunto Cloud API",
            ProviderEndpoints.oauth2(
                    URI.create("https://cloudapi-oauth.suunto.com/oauth/authorize"),
                    URI.create("https://cloudapi-oauth.suunto.com/oauth/token"),
                    URI.create("https://cloudapi.suunto.com")),
            List.of(),
            Pkce.NONE,
            ClientAuthentication.BASIC,
            Optional.empty());

    @Override
    public TokenSet complete(JSONObject response, TokenSet tokens, Instant now) {
        return ProviderResponses.withUserId(
                tokens, userFromClaims(tokens.accessToken().value()));
    }

    private static Optional<String> userFromClaims(String accessToken) {
        JWTClaimsSet claims;
        try {
            claims = JWTParser.parse(accessToken).getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            return Optional.empty(); // not a readable JWT: connected without a provider user id
        }
        if (claims == null) {
            return Optional.empty();
        }
        Object user = claims.getClaim("user");
        return TokenResponseReader.userId(user != null ? user : claims.getSubject());
    }
}
