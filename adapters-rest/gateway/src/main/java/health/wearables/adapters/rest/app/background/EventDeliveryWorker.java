package health.wearables.adapters.rest.app.background;

import health.wearables.application.port.in.DeliverEvents;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers the outbox on every instance: one pass every {@value #POLL} milliseconds (default 1000), each pass taking
 * the delivery lease, so one instance delivers at a time and another takes over when it stops. JDK threads, for the
 * reasons given on {@link RecoveryScheduler}; stopped before the application's beans are destroyed.
 */
@ApplicationScoped
public class EventDeliveryWorker {
    static final String POLL = "wearables.events.poll-ms";
    private static final System.Logger LOG = System.getLogger(EventDeliveryWorker.class.getName());

    @Inject
    DeliverEvents deliver;

    @Inject
    @ConfigProperty(name = POLL, defaultValue = "1000")
    long pollMillis;

    private Periodic passes;

    void start(@Observes Startup startup) {
        start();
    }

    synchronized void start() {
        if (pollMillis < 50 || pollMillis > 60_000) {
            throw new IllegalStateException(POLL + " must be between 50 and 60000 milliseconds");
        }
        passes = Periodic.every(
                Duration.ofMillis(pollMillis), "wearables-events", "an event delivery pass", this::deliverOnce);
    }

    void deliverOnce() {
        try {
            deliver.deliverDue();
        } catch (RuntimeException | Error e) {
            Periodic.warn(LOG, "event delivery pass failed: {0}", e.getClass().getName());
        }
    }

    void stopFirst(@Observes @BeforeDestroyed(ApplicationScoped.class) Object applicationEnding) {
        stop();
    }

    @PreDestroy
    synchronized void stop() {
        if (passes != null) {
            passes.stop();
        }
    }
}
