package health.wearables.adapters.rest.out.provider;

import health.wearables.domain.BuiltInProvider;
import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.Pkce;
import health.wearables.domain.ProviderEndpoints;
import health.wearables.domain.TokenSet;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.minidev.json.JSONObject;

/**
 * Withings: the token call is {@code action=requesttoken} to {@code /v2/oauth2} with the client credentials in the
 * body, and every answer, success or not, is HTTP 200 wrapped as {@code {"status": 0, "body": {...}}}. A non-zero
 * status (e.g. 601 too many requests, 503 invalid parameters, which covers a used or wrong code) fails the exchange:
 * the status number is the only thing of the envelope that is reported. Scopes are comma-separated; the user id is
 * {@code userid} inside the body.
 *
 * <p>A refresh ({@code grant_type=refresh_token}, same action and URL) with a refresh token that is invalid, expired or
 * already used (Withings rotates them) is answered status 503 ("Invalid Params") or 401 (authentication failed), still
 * with HTTP 200: for a refresh both are the provider's {@code invalid_grant}. Any other status (601 too many requests,
 * 2554 unknown action, 5xx-like internal errors) stays a failure, to be tried again later.
 */
final class WithingsQuirks implements ProviderQuirks {

    static final BuiltInProvider DEFAULTS = new BuiltInProvider(
            "withings",
            "Withings",
            "Withings Public API",
            ProviderEndpoints.oauth2(
                    URI.create("https://account.withings.com/oauth2_user/authorize2"),
                    URI.create("https://wbsapi.withings.net/v2/oauth2"),
                    URI.create("https://wbsapi.withings.net")),
            List.of("user.info", "user.metrics", "user.activity"),
            Pkce.NONE,
            ClientAuthentication.POST,
            Optional.empty());

    private static final Map<String, String> REQUEST_TOKEN = Map.of("action", "requesttoken");
    /** The statuses with which Withings refuses a refresh token: invalid params, authentication failed. */
    private static final Set<Long> REFRESH_REFUSED = Set.of(503L, 401L);

    @Override
    public String scopeSeparator() {
        return ",";
    }

    @Override
    public Map<String, String> tokenFormFields() {
        return REQUEST_TOKEN;
    }

    @Override
    public Unwrapped unwrap(JSONObject response) {
        if (!(response.get("status") instanceof Number status)) {
            return new Unwrapped.Failure("Withings answer without a numeric status");
        }
        if (status.longValue() != 0) {
            return new Unwrapped.Failure("Withings answered status " + status.longValue());
        }
        return ProviderResponses.object(response, "body")
                .<Unwrapped>map(Unwrapped.Standard::new)
                .orElse(new Unwrapped.Failure("Withings answer with status 0 but no body object"));
    }

    @Override
    public Unwrapped unwrapRefresh(JSONObject response) {
        if (response.get("status") instanceof Number status && REFRESH_REFUSED.contains(status.longValue())) {
            return new Unwrapped.Standard(ProviderResponses.oauthError("invalid_grant"));
        }
        return unwrap(response);
    }

    @Override
    public TokenSet complete(JSONObject response, TokenSet tokens, Instant now) {
        return ProviderResponses.withUserId(tokens, TokenResponseReader.userId(response.get("userid")));
    }
}
