package health.wearables.adapters.rest.out.provider;

import health.wearables.domain.BuiltInProvider;
import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.Pkce;
import health.wearables.domain.ProviderEndpoints;
import health.wearables.domain.TokenSet;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.minidev.json.JSONObject;

/**
 * Strava: comma-separated scopes, an {@code athlete} object in the token response (the user id is
 * {@code athlete.id}), and an absolute {@code expires_at} in epoch seconds, which wins over {@code expires_in} and is
 * clamped like any expiry. Errors come as {@code {"message":"Bad Request","errors":[{"resource":...,"field":...,
 * "code":"invalid"}]}}; an invalid authorization code or refresh token ({@code "resource":"RefreshToken"}) or an
 * invalid application is turned into the RFC 6749 code.
 *
 * <p>A grant is revoked with {@code POST https://www.strava.com/oauth/deauthorize} (beside the token endpoint) and
 * the form field {@code access_token}; it invalidates every token of the athlete and the application, and a request
 * with an invalidated token is answered 401 (Strava's authentication documentation, "Deauthorization", as quoted by
 * the javastrava client; the current page's text could not be read here), so 401 with a fresh token is a grant
 * already gone.
 */
final class StravaQuirks implements ProviderQuirks {

    static final BuiltInProvider DEFAULTS = new BuiltInProvider(
            "strava",
            "Strava",
            "Strava API v3",
            ProviderEndpoints.oauth2(
                    URI.create("https://www.strava.com/oauth/authorize"),
                    URI.create("https://www.strava.com/oauth/token"),
                    URI.create("https://www.strava.com/api/v3")),
            List.of("read", "activity:read_all"),
            Pkce.NONE,
            ClientAuthentication.POST,
            Optional.empty());

    static final String DEAUTHORIZATION = "deauthorize";

    @Override
    public Revocation revocation() {
        return (provider, tokens, calls, now) -> AccessTokenRevocations.inForm(
                calls,
                provider.endpoints()
                        .revocation()
                        .orElseGet(() -> provider.endpoints().token().resolve(DEAUTHORIZATION)),
                tokens,
                now,
                status -> status == 401);
    }

    @Override
    public String scopeSeparator() {
        return ",";
    }

    @Override
    public Unwrapped unwrap(JSONObject response) {
        if (!response.containsKey("error")) {
            Object resource = ProviderResponses.first(response, "errors")
                    .map(error -> error.get("resource"))
                    .orElse(null);
            if ("AuthorizationCode".equals(resource) || "RefreshToken".equals(resource)) {
                return new Unwrapped.Standard(ProviderResponses.oauthError("invalid_grant"));
            }
            if ("Application".equals(resource)) {
                return new Unwrapped.Standard(ProviderResponses.oauthError("invalid_client"));
            }
        }
        return new Unwrapped.Standard(response);
    }

    @Override
    public TokenSet complete(JSONObject response, TokenSet tokens, Instant now) {
        TokenSet completed = ProviderResponses.withUserId(
                tokens,
                ProviderResponses.object(response, "athlete")
                        .flatMap(athlete -> TokenResponseReader.userId(athlete.get("id"))));
        return TokenResponseReader.expiresIn(response.get("expires_at"))
                .map(epochSeconds ->
                        Instant.ofEpochSecond(Math.max(0, Math.min(Instant.MAX.getEpochSecond(), epochSeconds))))
                .map(expiresAt -> ProviderResponses.withExpiry(completed, TokenSet.clampAbsolute(expiresAt, now)))
                .orElse(completed);
    }
}
