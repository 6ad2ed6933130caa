package health.wearables.adapters.rest.app;

import health.wearables.application.port.out.TokenRefresh;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.RefreshToken;
import health.wearables.domain.callback.ExchangeResult;
import java.time.Duration;

/**
 * The refreshes sent to providers' token endpoints, timed per provider and result ({@code refreshed}, {@code refused},
 * {@code failed}): how many refresh requests each provider got is the count of this timer. What a refresh does is the
 * delegate's, unchanged.
 */
final class TimedTokenRefresh implements TokenRefresh {
    private final TokenRefresh delegate;
    private final ProviderCallMetrics metrics;

    TimedTokenRefresh(TokenRefresh delegate, ProviderCallMetrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public ExchangeResult refresh(ConfiguredProvider provider, RefreshToken refreshToken) {
        long started = System.nanoTime();
        ExchangeResult result = delegate.refresh(provider, refreshToken);
        metrics.tokenRefreshTook(
                provider.slug().value(),
                result.fold(refreshed -> "refreshed", refused -> "refused", failed -> "failed"),
                Duration.ofNanos(System.nanoTime() - started));
        return result;
    }
}
