package health.wearables.adapters.rest.app;

import health.wearables.application.port.out.Oauth1Provider;
import health.wearables.application.port.out.TokenExchange;
import health.wearables.domain.AuthorizationCode;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.PkceVerifier;
import health.wearables.domain.callback.ExchangeResult;
import health.wearables.domain.callback.Grant;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The token exchanges, OAuth 2.0 and OAuth 1.0a alike, timed per provider and result; what they do is the delegates',
 * unchanged.
 */
final class TimedTokenExchange implements TokenExchange, Oauth1Provider {
    private final TokenExchange oauth2;
    private final Oauth1Provider oauth1;
    private final ProviderCallMetrics metrics;

    TimedTokenExchange(TokenExchange oauth2, Oauth1Provider oauth1, ProviderCallMetrics metrics) {
        this.oauth2 = oauth2;
        this.oauth1 = oauth1;
        this.metrics = metrics;
    }

    @Override
    public ExchangeResult exchange(
            ConfiguredProvider provider, AuthorizationCode code, Optional<PkceVerifier> verifier, URI redirectUri) {
        return timed(provider, () -> oauth2.exchange(provider, code, verifier, redirectUri));
    }

    @Override
    public ExchangeResult tokenCredentials(ConfiguredProvider provider, Grant.Oauth1Grant grant) {
        return timed(provider, () -> oauth1.tokenCredentials(provider, grant));
    }

    @Override
    public TemporaryCredentialsResult temporaryCredentials(ConfiguredProvider provider, URI callbackUri) {
        return oauth1.temporaryCredentials(provider, callbackUri);
    }

    private ExchangeResult timed(ConfiguredProvider provider, Supplier<ExchangeResult> exchange) {
        long started = System.nanoTime();
        ExchangeResult result = exchange.get();
        metrics.tokenExchangeTook(
                provider.slug().value(),
                result.fold(exchanged -> "exchanged", refused -> "refused", failed -> "failed"),
                Duration.ofNanos(System.nanoTime() - started));
        return result;
    }
}
