package health.wearables.domain.callback;

import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.ProviderConfig;
import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.Step;
import health.wearables.domain.TokenSet;
import java.util.List;
import java.util.Optional;

/**
 * State 3: the state (or OAuth 1.0a temporary token) was ours, unexpired, for this provider; a grant is in hand, to be
 * redeemed exactly once.
 */
public record StateVerified(
        ProviderConfig provider,
        CallbackRoute route,
        PendingAuthorization pending,
        Grant grant,
        Optional<String> grantedScope) {

    /** Transition to {@link TokensObtained}, given the token endpoint's answer. */
    public Step<TokensObtained> exchanged(ExchangeResult result) {
        if (result instanceof ExchangeResult.Exchanged exchanged) {
            // Where the provider reports the granted scopes on the callback (Strava), that report is authoritative.
            TokenSet tokens = grantedScope.map(exchanged.tokens()::withGrantedScopes).orElse(exchanged.tokens());
            List<String> missing = provider.missingScopes(tokens.scopes());
            if (!missing.isEmpty()) {
                return Step.reject(Rejection.of(RejectionCode.PROVIDER_ERROR, "The access granted at "
                        + provider.displayName() + " lacks what the connection needs (" + String.join(", ", missing)
                        + "); connect again and allow all requested access.").after(pending));
            }
            return Step.ok(new TokensObtained(route, pending, tokens));
        }
        String message = result instanceof ExchangeResult.Refused refused && refused.isInvalidGrant()
                ? "The provider did not accept the authorization code (used or expired); start connecting again."
                : "The provider's token endpoint did not issue tokens; start connecting again later.";
        return Step.reject(Rejection.of(RejectionCode.TOKEN_EXCHANGE_FAILED, message).after(pending));
    }
}
