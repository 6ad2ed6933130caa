package health.wearables.adapters.rest.in.api;

import health.wearables.domain.callback.CallbackAnswer;
import health.wearables.domain.callback.CallbackRoute;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** What operations watch (MicroProfile Metrics, at {@code /metrics}): callback outcomes by route and code. */
@ApplicationScoped
public class GatewayMetrics {
    @Inject
    MetricRegistry registry;

    void callbackAnswered(CallbackRoute route, CallbackAnswer answer) {
        registry.counter("wearables.callback.outcomes",
                new Tag("route", route.name().toLowerCase(Locale.ROOT)),
                new Tag("outcome", outcome(answer))).inc();
    }

    private static String outcome(CallbackAnswer answer) {
        return answer.fold(redirect -> {
            String query = redirect.location().getRawQuery();
            return query.contains("status=connected") ? "CONNECTED"
                    : query.contains("status=pending") ? "PENDING" : "REDIRECTED_ERROR";
        }, connected -> "CONNECTED", pending -> "PENDING", refused -> refused.rejection().code().name());
    }
}
