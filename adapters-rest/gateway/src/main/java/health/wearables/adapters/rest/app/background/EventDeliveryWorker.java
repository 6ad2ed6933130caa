package health.wearables.adapters.rest.app.background;

import health.wearables.application.port.in.DeliverEvents;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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

    private ScheduledExecutorService scheduler;

    void start(@Observes Startup startup) {
        start();
    }

    @SuppressWarnings("FutureReturnValueIgnored") // deliverOnce catches everything
    synchronized void start() {
        if (pollMillis < 50 || pollMillis > 60_000) {
            throw new IllegalStateException(POLL + " must be between 50 and 60000 milliseconds");
        }
        ClassLoader application = EventDeliveryWorker.class.getClassLoader();
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "wearables-events");
            thread.setDaemon(true);
            thread.setContextClassLoader(application);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::deliverOnce, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    void deliverOnce() {
        try {
            deliver.deliverDue();
        } catch (RuntimeException | Error e) {
            LOG.log(
                    Level.WARNING,
                    "event delivery pass failed: {0}",
                    e.getClass().getName());
        }
    }

    void stopFirst(@Observes @BeforeDestroyed(ApplicationScoped.class) Object applicationEnding) {
        stop();
    }

    @PreDestroy
    synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "an event delivery pass did not end within 10 s of the application's stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
