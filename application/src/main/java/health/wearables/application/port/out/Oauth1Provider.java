package health.wearables.application.port.out;

import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.Oauth1Token;
import health.wearables.domain.Oauth1TokenSecret;
import health.wearables.domain.callback.ExchangeResult;
import health.wearables.domain.callback.Grant;
import java.net.URI;
import java.util.function.Function;

/**
 * The two signed calls of an OAuth 1.0a provider (RFC 5849 §2): temporary credentials at connect, token credentials
 * when the patient comes back. Each is sent once; every failure is a result, never an exception.
 */
public interface Oauth1Provider {

    /**
     * Asks for temporary credentials with {@code callbackUri} as {@code oauth_callback}; succeeds only where the
     * provider confirmed the callback ({@code oauth_callback_confirmed=true}).
     */
    TemporaryCredentialsResult temporaryCredentials(ConfiguredProvider provider, URI callbackUri);

    /** Exchanges the authorized temporary credentials and the verifier for token credentials. */
    ExchangeResult tokenCredentials(ConfiguredProvider provider, Grant.Oauth1Grant grant);

    /** What the request for temporary credentials gave. */
    sealed interface TemporaryCredentialsResult {
        <R> R fold(Function<? super Issued, R> onIssued, Function<? super NotIssued, R> onNotIssued);
    }

    /** Temporary credentials, and the provider's authorization URL for them. */
    record Issued(Oauth1Token token, Oauth1TokenSecret secret, URI authorizationUrl)
            implements TemporaryCredentialsResult {
        @Override
        public <R> R fold(Function<? super Issued, R> onIssued, Function<? super NotIssued, R> onNotIssued) {
            return onIssued.apply(this);
        }
    }

    /** No temporary credentials: refused, failed, or the callback not confirmed. The reason is ours, for logs. */
    record NotIssued(String reason) implements TemporaryCredentialsResult {
        @Override
        public <R> R fold(Function<? super Issued, R> onIssued, Function<? super NotIssued, R> onNotIssued) {
            return onNotIssued.apply(this);
        }
    }
}
