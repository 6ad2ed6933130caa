package health.wearables.adapters.rest.in.api;

import health.wearables.domain.callback.CallbackAnswer;
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
        registry.counter(
                        "wearables.callback.outcomes",
                        new Tag("route", route.name().toLowerCase(Locale.ROOT)),
                        new Tag("outcome", outcome(answer)))
                .inc();
    }

    /** From the answer's outcome: a refusal sent back to the dashboard is counted as one, else by its code. */
    private static String outcome(CallbackAnswer answer) {
        return answer.outcome()
                .fold(
                        connected -> "CONNECTED",
                        pending -> "PENDING",
                        refused -> answer.redirect().isPresent()
                                ? "REDIRECTED_ERROR"
                                : refused.rejection().code().name());
    }
}
