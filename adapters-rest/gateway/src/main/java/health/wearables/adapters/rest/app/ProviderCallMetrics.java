package health.wearables.adapters.rest.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Latency of the calls the gateway makes to providers' token endpoints (MicroProfile Metrics, at {@code /metrics}):
 * exchanges and refreshes, timed by provider and result (a timer's count is how many requests were sent).
 */
@ApplicationScoped
public class ProviderCallMetrics {
    @Inject
    MetricRegistry registry;

    void tokenExchangeTook(String provider, String result, Duration elapsed) {
        registry.timer("wearables.token.exchange", new Tag("provider", provider), new Tag("result", result))
                .update(elapsed);
    }

    void tokenRefreshTook(String provider, String result, Duration elapsed) {
        registry.timer("wearables.token.refresh", new Tag("provider", provider), new Tag("result", result))
                .update(elapsed);
    }
}
