package health.wearables.adapters.rest.out.provider;

import health.wearables.domain.BuiltInProvider;
import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.Pkce;
import health.wearables.domain.ProviderEndpoints;
import health.wearables.domain.TokenSet;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.minidev.json.JSONObject;

/**
 * Withings: the token call is {@code action=requesttoken} to {@code /v2/oauth2} with the client credentials in the
 * body, and every answer, success or not, is HTTP 200 wrapped as {@code {"status": 0, "body": {...}}}. A non-zero
 * status (e.g. 601 too many requests, 503 invalid parameters, which covers a used or wrong code) fails the exchange:
 * the status number is the only thing of the envelope that is reported. Scopes are comma-separated; the user id is
 * {@code userid} inside the body.
 *
 * <p>A refresh ({@code grant_type=refresh_token}, same action and URL) with a refresh token that is invalid, expired or
 * already used (Withings rotates them) is answered, still with HTTP 200, status 401 (authentication failed) or status
 * 503 ("Invalid Params") with an error text naming the refresh token: both are the provider's {@code invalid_grant}.
 * Withings answers 503 for a malformed request of ours too ("invalid grant_type"), which must not end a patient's
 * connection, so a 503 that does not name the refresh token stays a failure, like any other status (601 too many
 * requests, 2554 unknown action, internal errors), to be tried again later. The error text is read, never reported.
 *
 * <p>Withings documents no revocation of a grant (its OAuth 2.0 guide covers the authorization code, the access token
 * and its refresh; "Notify - Revoke" only ends a notification subscription, and the user withdraws access in the
 * Withings app), so a disconnect ends the grant at the gateway only ({@code NotOffered}) unless a revocation URL is
 * configured.
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
    private static final long AUTHENTICATION_FAILED = 401;
    private static final long INVALID_PARAMS = 503;

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
        if (response.get("status") instanceof Number status && refusesTheRefreshToken(status.longValue(), response)) {
            return new Unwrapped.Standard(ProviderResponses.oauthError("invalid_grant"));
        }
        return unwrap(response);
    }

    private static boolean refusesTheRefreshToken(long status, JSONObject response) {
        if (status == AUTHENTICATION_FAILED) {
            return true;
        }
        return status == INVALID_PARAMS
                && response.get("error") instanceof String error
                && error.toLowerCase(Locale.ROOT).contains("refresh_token");
    }

    @Override
    public TokenSet complete(JSONObject response, TokenSet tokens, Instant now) {
        return ProviderResponses.withUserId(tokens, TokenResponseReader.userId(response.get("userid")));
    }
}
