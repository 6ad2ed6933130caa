package health.wearables.domain.callback;

import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.PendingAuthorization;
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
        ConfiguredProvider provider, PendingAuthorization pending, Grant grant, Optional<String> grantedScope) {

    private static final String CODE_REFUSED =
            "The provider did not accept the authorization code (used or expired); start connecting again.";
    private static final String NOT_ISSUED =
            "The provider's token endpoint did not issue tokens; start connecting again later.";

    /** Transition to {@link TokensObtained}, given the token endpoint's answer. */
    public Step<TokensObtained> exchanged(ExchangeResult result) {
        return result.fold(
                exchanged -> obtained(exchanged.tokens()),
                refused -> notExchanged(refused.isInvalidGrant() ? CODE_REFUSED : NOT_ISSUED),
                failed -> notExchanged(NOT_ISSUED));
    }

    private Step<TokensObtained> obtained(TokenSet issued) {
        // Where the provider reports the granted scopes on the callback (Strava), that report is authoritative.
        TokenSet tokens = grantedScope.map(issued::withGrantedScopes).orElse(issued);
        List<String> missing = provider.scopes().missingScopes(tokens.scopes());
        if (!missing.isEmpty()) {
            return Step.reject(Rejection.of(
                            RejectionCode.PROVIDER_ERROR,
                            "The access granted at "
                                    + provider.displayName() + " lacks what the connection needs ("
                                    + String.join(", ", missing)
                                    + "); connect again and allow all requested access.")
                    .after(pending));
        }
        return Step.ok(new TokensObtained(pending, tokens));
    }

    private Step<TokensObtained> notExchanged(String message) {
        return Step.reject(
                Rejection.of(RejectionCode.TOKEN_EXCHANGE_FAILED, message).after(pending));
    }
}
