package health.wearables.adapters.rest.api;

import health.wearables.application.port.out.TokenExchange;
import health.wearables.domain.AuthorizationCode;
import health.wearables.domain.PkceVerifier;
import health.wearables.domain.ProviderConfig;
import health.wearables.domain.callback.ExchangeResult;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** The token exchange, timed per provider and result; what it does is the delegate's, unchanged. */
final class TimedTokenExchange implements TokenExchange {
    private final TokenExchange delegate;
    private final GatewayMetrics metrics;

    TimedTokenExchange(TokenExchange delegate, GatewayMetrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public ExchangeResult exchange(ProviderConfig provider, AuthorizationCode code, Optional<PkceVerifier> verifier,
                                   URI redirectUri) {
        long started = System.nanoTime();
        ExchangeResult result = delegate.exchange(provider, code, verifier, redirectUri);
        metrics.tokenExchangeTook(provider.slug().value(), result.getClass().getSimpleName().toLowerCase(Locale.ROOT),
                Duration.ofNanos(System.nanoTime() - started));
        return result;
    }
}
