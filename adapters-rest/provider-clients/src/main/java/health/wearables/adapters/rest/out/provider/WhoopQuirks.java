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
 * WHOOP API: a refresh token is only issued when the {@code offline} scope is requested, so it is a default scope.
 *
 * <p>The token response names no user, while WHOOP's webhooks name the user by {@code user_id}, so after the exchange
 * it is read from {@code GET /v2/user/profile/basic} (a number, kept as its decimal string); a failed lookup keeps
 * the exchange.
 *
 * <p>A grant is revoked with {@code DELETE /v2/user/access} below the API base and the access token as bearer (WHOOP's
 * "revokeUserOauthAccess", API changelog 2023-02-01: no more data or webhooks for the user): 204 is revoked, and 401
 * with a fresh token means the grant is already gone.
 */
final class WhoopQuirks implements ProviderQuirks {
    static final String REVOCATION_PATH = "/v2/user/access";
    static final UserIdLookup USER_ID = new UserIdLookup("/v2/user/profile/basic", "user_id");

    static final String OFFLINE_SCOPE = "offline";

    static final BuiltInProvider DEFAULTS = new BuiltInProvider(
            "whoop",
            "WHOOP",
            "WHOOP developer API v2",
            ProviderEndpoints.oauth2(
                    URI.create("https://api.prod.whoop.com/oauth/oauth2/auth"),
                    URI.create("https://api.prod.whoop.com/oauth/oauth2/token"),
                    URI.create("https://api.prod.whoop.com/developer")),
            List.of(
                    OFFLINE_SCOPE,
                    "read:recovery",
                    "read:cycles",
                    "read:workout",
                    "read:sleep",
                    "read:profile",
                    "read:body_measurement"),
            Pkce.NONE,
            ClientAuthentication.POST,
            Optional.empty());

    @Override
    public ExchangeResult afterExchange(ConfiguredProvider provider, TokenSet tokens, ProviderCalls calls) {
        return USER_ID.lookUp(provider, tokens, calls);
    }

    @Override
    public Revocation revocation() {
        return (provider, tokens, calls, now) -> AccessTokenRevocations.bearerDelete(
                calls,
                provider.endpoints()
                        .revocation()
                        .orElseGet(() ->
                                RevocationAnswers.below(provider.endpoints().apiBase(), REVOCATION_PATH)),
                tokens,
                now,
                status -> status == 401);
    }
}
