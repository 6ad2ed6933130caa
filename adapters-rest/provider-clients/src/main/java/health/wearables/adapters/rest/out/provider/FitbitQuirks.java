package health.wearables.adapters.rest.out.provider;

import health.wearables.domain.BuiltInProvider;
import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.Pkce;
import health.wearables.domain.ProviderEndpoints;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import net.minidev.json.JSONObject;

/**
 * Fitbit Web API: Basic client authentication, PKCE S256, {@code user_id} in the token response (read by the
 * standard reading). Its errors come as {@code {"errors":[{"errorType":"invalid_grant",...}],"success":false}},
 * which is turned into the RFC 6749 shape.
 *
 * <p>A grant is revoked by RFC 7009 at {@code POST /oauth2/revoke} beside the token endpoint, with Basic client
 * authentication; revoking either token removes all of the user's tokens for the application (Fitbit Web API
 * reference, Authorization, "Revoke Token").
 */
final class FitbitQuirks implements ProviderQuirks {

    static final BuiltInProvider DEFAULTS = new BuiltInProvider(
            "fitbit",
            "Fitbit",
            "Fitbit Web API (legacy): shutting down, the legacy Web API ends in autumn 2026; connect through"
                    + " google-health instead",
            ProviderEndpoints.oauth2(
                    URI.create("https://www.fitbit.com/oauth2/authorize"),
                    URI.create("https://api.fitbit.com/oauth2/token"),
                    URI.create("https://api.fitbit.com")),
            List.of("activity", "heartrate", "sleep", "weight"),
            Pkce.S256,
            ClientAuthentication.BASIC,
            Optional.empty());

    static final String REVOCATION = "revoke";

    @Override
    public Revocation revocation() {
        return Rfc7009Revocation.besideTokenEndpoint(REVOCATION);
    }

    @Override
    public Unwrapped unwrap(JSONObject response) {
        if (!response.containsKey("error")) {
            var errorType = ProviderResponses.first(response, "errors").map(error -> error.get("errorType"));
            if (errorType.isPresent() && errorType.get() instanceof String code) {
                return new Unwrapped.Standard(ProviderResponses.oauthError(code));
            }
        }
        return new Unwrapped.Standard(response);
    }
}
