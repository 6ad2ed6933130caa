package health.wearables.domain.callback;

import health.wearables.domain.AuthorizationCode;
import health.wearables.domain.Oauth1Token;
import health.wearables.domain.Oauth1TokenSecret;
import health.wearables.domain.Oauth1Verifier;
import health.wearables.domain.PkceVerifier;
import java.util.Optional;
import java.util.function.Function;

/** What the patient's approval gives the gateway to redeem, once, at the provider's token endpoint. */
public sealed interface Grant {

    /** Consumes the grant: one function per protocol. */
    <R> R fold(
            Function<? super AuthorizationCodeGrant, R> onAuthorizationCode, Function<? super Oauth1Grant, R> onOauth1);

    /** OAuth 2.0: the authorization code, with the PKCE verifier stored at connect where the provider uses PKCE. */
    record AuthorizationCodeGrant(AuthorizationCode code, Optional<PkceVerifier> verifier) implements Grant {
        @Override
        public <R> R fold(
                Function<? super AuthorizationCodeGrant, R> onAuthorizationCode,
                Function<? super Oauth1Grant, R> onOauth1) {
            return onAuthorizationCode.apply(this);
        }
    }

    /**
     * OAuth 1.0a: the authorized temporary credentials (the token from the callback, the secret from the stored
     * record) and the verifier from the callback (RFC 5849 §2.3).
     */
    record Oauth1Grant(Oauth1Token temporaryToken, Oauth1TokenSecret temporarySecret, Oauth1Verifier verifier)
            implements Grant {
        @Override
        public <R> R fold(
                Function<? super AuthorizationCodeGrant, R> onAuthorizationCode,
                Function<? super Oauth1Grant, R> onOauth1) {
            return onOauth1.apply(this);
        }
    }
}
