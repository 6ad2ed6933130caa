package health.wearables.domain.callback;

import health.wearables.domain.AuthorizationCode;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.FlowKey;
import health.wearables.domain.Oauth1Token;
import health.wearables.domain.Oauth1Verifier;
import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.Step;
import java.time.Instant;
import java.util.Optional;

/**
 * State 2: a known provider and a well-formed key of the flow (the state, or the OAuth 1.0a temporary token), about
 * to be consumed.
 */
public record StateReceived(
        ConfiguredProvider provider,
        FlowKey key,
        Optional<AuthorizationCode> code,
        Optional<ProviderError> error,
        Optional<String> iss,
        Optional<String> grantedScope,
        Optional<Oauth1Verifier> oauthVerifier) {

    static final String INVALID_STATE =
            "The authorization link is invalid, expired or already used; start connecting again.";

    /**
     * Transition to {@link StateVerified}, given what the atomic take returned. From here the state is spent: every
     * rejection carries the verified record, so the answer may go back to the dashboard.
     */
    public Step<StateVerified> verify(Optional<PendingAuthorization> taken, Instant now) {
        if (taken.isEmpty() || taken.get().isExpiredAt(now)) {
            return Step.reject(Rejection.of(RejectionCode.INVALID_STATE, INVALID_STATE));
        }
        PendingAuthorization pending = taken.get();
        if (!pending.provider().equals(provider.slug())) {
            return Step.reject(Rejection.of(
                            RejectionCode.PROVIDER_MISMATCH, "This authorization was started for another provider.")
                    .after(pending));
        }
        if (!provider.issuer().accepts(iss)) {
            return Step.reject(Rejection.of(
                            RejectionCode.PROVIDER_MISMATCH,
                            "The authorization response does not come from the provider's issuer.")
                    .after(pending));
        }
        return key.fold(state -> verifiedOauth2(pending), temporaryToken -> verifiedOauth1(pending, temporaryToken));
    }

    /** The OAuth 2.0 callback: the provider's error, or a code to redeem (with the verifier where PKCE is used). */
    private Step<StateVerified> verifiedOauth2(PendingAuthorization pending) {
        if (error.isPresent()) {
            Rejection rejection = Rejection.of(
                            RejectionCode.PROVIDER_ERROR,
                            error.get().isDeclinedConsent()
                                    ? "Access was not granted at the provider."
                                    : "The provider reported an error.")
                    .after(pending)
                    .withDetailForLog(
                            error.get().errorForLog() + ": " + error.get().descriptionForLog());
            return Step.reject(error.get()
                    .registeredCode()
                    .map(rejection::withProviderError)
                    .orElse(rejection));
        }
        if (code.isEmpty()) {
            return Step.reject(Rejection.of(RejectionCode.MISSING_PARAMETER, "The code parameter is missing.")
                    .after(pending));
        }
        if (provider.pkce().needsVerifier() && pending.pkceVerifier().isEmpty()) {
            // Minted while the provider was configured without PKCE: never send it a token request without a verifier.
            return Step.reject(Rejection.of(
                            RejectionCode.PROVIDER_MISMATCH,
                            "This authorization was started under another configuration of the provider; start connecting again.")
                    .after(pending));
        }
        return Step.ok(new StateVerified(
                provider, pending, new Grant.AuthorizationCodeGrant(code.get(), pending.pkceVerifier()), grantedScope));
    }

    private Step<StateVerified> verifiedOauth1(PendingAuthorization pending, Oauth1Token temporaryToken) {
        if (pending.temporarySecret().isEmpty() || oauthVerifier.isEmpty()) {
            // Stored by an OAuth 2.0 /connect: there is no temporary secret to sign the token request with.
            return Step.reject(Rejection.of(
                            RejectionCode.PROVIDER_MISMATCH,
                            "This authorization was started under another configuration of the provider; start connecting again.")
                    .after(pending));
        }
        return Step.ok(new StateVerified(
                provider,
                pending,
                new Grant.Oauth1Grant(temporaryToken, pending.temporarySecret().get(), oauthVerifier.get()),
                Optional.empty()));
    }
}
