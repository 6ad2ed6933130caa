package health.wearables.adapters.rest.app;

import health.wearables.application.port.in.DeliverEvents;
import health.wearables.application.port.out.EventDelivery;
import health.wearables.application.port.out.EventOutbox;
import health.wearables.application.port.out.HeldEvents;
import health.wearables.application.port.out.Leases;
import health.wearables.application.port.out.ProjectWebhooks;
import health.wearables.application.port.out.StoppedWebhooks;
import health.wearables.application.port.out.UnitOfWork;
import health.wearables.application.service.DeliverEventsService;
import health.wearables.application.service.EventIds;
import health.wearables.application.service.EventSettings;
import health.wearables.application.service.Reporting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Wires the platform events: how the use cases record them (in the store's step, with ids from a CSPRNG) and how they
 * are delivered ({@value #RETRY_FIRST}, {@value #RETRY_MAX}, {@value #RETRY_FOR}, in seconds), counted by outcome as
 * {@code wearables_events_deliveries_total{outcome}}.
 */
@ApplicationScoped
public class EventsProducer {
    static final String RETRY_FIRST = "wearables.events.retry-first";
    static final String RETRY_MAX = "wearables.events.retry-max";
    static final String RETRY_FOR = "wearables.events.retry-for";

    @Inject
    @ConfigProperty(name = RETRY_FIRST, defaultValue = "1")
    long retryFirstSeconds;

    @Inject
    @ConfigProperty(name = RETRY_MAX, defaultValue = "3600")
    long retryMaxSeconds;

    @Inject
    @ConfigProperty(name = RETRY_FOR, defaultValue = "86400")
    long retryForSeconds;

    @Inject
    MetricRegistry metrics;

    private final EventIds ids = new EventIds(new SecureRandom());

    /** Dependent: a record, which CDI cannot proxy; it holds only application-scoped beans. */
    @Produces
    Reporting reporting(UnitOfWork units, EventOutbox outbox) {
        return new Reporting(units, outbox, ids);
    }

    @Produces
    @ApplicationScoped
    DeliverEvents deliverEvents(
            EventOutbox outbox,
            HeldEvents heldEvents,
            ProjectWebhooks webhooks,
            StoppedWebhooks stopped,
            EventDelivery delivery,
            Leases leases) {
        within(RETRY_FIRST, retryFirstSeconds, 1, 3600);
        within(RETRY_MAX, retryMaxSeconds, retryFirstSeconds, 86_400);
        within(RETRY_FOR, retryForSeconds, 60, 2_592_000);
        return new DeliverEventsService(
                outbox,
                heldEvents,
                webhooks,
                stopped,
                delivery,
                leases,
                new EventSettings(
                        Duration.ofSeconds(retryFirstSeconds),
                        Duration.ofSeconds(retryMaxSeconds),
                        Duration.ofSeconds(retryForSeconds)),
                Clock.systemUTC(),
                outcome -> metrics.counter("wearables.events.deliveries", new Tag("outcome", outcome))
                        .inc());
    }

    private static void within(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalStateException(key + " must be between " + min + " and " + max);
        }
    }
}
