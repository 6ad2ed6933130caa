package health.wearables.adapters.rest.out.provider;

import health.wearables.domain.BuiltInProvider;
import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.Pkce;
import health.wearables.domain.ProviderEndpoints;
import health.wearables.domain.TokenSet;
import health.wearables.domain.callback.ExchangeResult;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Oura API v2: plain OAuth 2.0 with the client credentials in the body and space-separated scopes.
 *
 * <p>The token response names no user, while Oura's webhooks name the user by id, so after the exchange the id is
 * read from {@code GET /v2/usercollection/personal_info} ({@code id}); a failed lookup keeps the exchange.
 *
 * <p>A grant is revoked with {@code GET https://api.ouraring.com/oauth/revoke?access_token=…} (beside the token
 * endpoint). Oura's authentication page lists only the authorize and token URLs; the revoke call is taken from Oura's
 * API client libraries (e.g. {@code oura_api}'s {@code revokeAccessToken}) and could not be confirmed in Oura's own
 * documentation, nor which status it answers for a token already revoked (401 with a fresh token is read as gone).
 */
final class OuraQuirks implements ProviderQuirks {
    static final String REVOCATION = "revoke";
    static final UserIdLookup USER_ID = new UserIdLookup("/v2/usercollection/personal_info", "id");

    static final BuiltInProvider DEFAULTS = new BuiltInProvider(
            "oura",
            "Oura",
            "Oura API v2",
            ProviderEndpoints.oauth2(
                    URI.create("https://cloud.ouraring.com/oauth/authorize"),
                    URI.create("https://api.ouraring.com/oauth/token"),
                    URI.create("https://api.ouraring.com")),
            List.of("personal", "daily", "heartrate", "workout", "session", "spo2"),
            Pkce.NONE,
            ClientAuthentication.POST,
            Optional.empty());

    @Override
    public ExchangeResult afterExchange(ConfiguredProvider provider, TokenSet tokens, ProviderCalls calls) {
        return USER_ID.lookUp(provider, tokens, calls);
    }

    @Override
    public Revocation revocation() {
        return (provider, tokens, calls, now) -> AccessTokenRevocations.inQuery(
                calls,
                provider.endpoints()
                        .revocation()
                        .orElseGet(() -> provider.endpoints().token().resolve(REVOCATION)),
                tokens,
                now,
                status -> status == 401);
    }
}
