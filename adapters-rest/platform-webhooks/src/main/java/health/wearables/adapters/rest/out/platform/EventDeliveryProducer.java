package health.wearables.adapters.rest.out.platform;

import health.wearables.application.port.out.EventDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The delivery of events, with one attempt's limit {@code wearables.events.timeout} (seconds, default 10). */
@ApplicationScoped
public class EventDeliveryProducer {
    static final String TIMEOUT = "wearables.events.timeout";

    @Inject
    @ConfigProperty(name = TIMEOUT, defaultValue = "10")
    long timeoutSeconds;

    @Produces
    @ApplicationScoped
    EventDelivery eventDelivery() {
        if (timeoutSeconds < 1 || timeoutSeconds > 300) {
            throw new IllegalStateException(TIMEOUT + " must be between 1 and 300 seconds");
        }
        return new StandardWebhooksDelivery(Duration.ofSeconds(timeoutSeconds), Clock.systemUTC());
    }
}
