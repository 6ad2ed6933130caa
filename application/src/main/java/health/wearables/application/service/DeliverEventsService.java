package health.wearables.application.service;

import health.wearables.application.port.in.DeliverEvents;
import health.wearables.application.port.out.ConnectionStoreUnavailable;
import health.wearables.application.port.out.DeliveryCounts;
import health.wearables.application.port.out.EventDelivery;
import health.wearables.application.port.out.EventOutbox;
import health.wearables.application.port.out.HeldEvents;
import health.wearables.application.port.out.HeldEventsUnavailable;
import health.wearables.application.port.out.LeaseUnavailable;
import health.wearables.application.port.out.Leases;
import health.wearables.application.port.out.ProjectWebhooks;
import health.wearables.application.port.out.StoppedWebhooks;
import health.wearables.application.port.out.UndeliveredEvents;
import health.wearables.domain.events.WebhookTarget;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Delivers the outbox: one instance at a time (a lease), the oldest due events first. Each attempt sends the event's
 * recorded body under its own id, so a retry is the same message (Standard Webhooks: the receiver deduplicates by
 * {@code webhook-id}). A {@code 2xx} delivers it; a {@code 410} stops the project's URL (the event, and those after
 * it, stay undelivered until another URL is configured); anything else is tried again after the backoff, until {@code
 * retry-for} after the event was recorded, when it is abandoned and stays listed. An event of a project without a
 * webhook is abandoned at once (it stays listed): a project hears of what happens after its webhook is configured.
 * Events held while the store was down ({@link HeldEvents}) are moved into the outbox when it takes writes again, and
 * delivered from where they are held while it does not.
 */
public final class DeliverEventsService implements DeliverEvents {
    private static final System.Logger LOG = System.getLogger(DeliverEventsService.class.getName());
    static final String LEASE = "events-delivery";
    static final int BATCH = 100;
    /**
     * How long one instance holds the delivery at least; a pass stops taking events after half of it. Before each
     * attempt the pass holds the lease again, for the attempt's longest time and half of this for the writes after it
     * (and at least this), so an attempt never outlives the lease whatever the configured timeout, and an instance that
     * dies holding it is replaced within that time.
     */
    private static final Duration LEASE_TIME = Duration.ofSeconds(30);

    private final EventOutbox outbox;
    private final HeldEvents heldEvents;
    private final ProjectWebhooks webhooks;
    private final StoppedWebhooks stopped;
    private final EventDelivery delivery;
    private final Leases leases;
    private final EventSettings settings;
    private final Clock clock;
    private final DeliveryCounts counter;

    public DeliverEventsService(
            EventOutbox outbox,
            HeldEvents heldEvents,
            ProjectWebhooks webhooks,
            StoppedWebhooks stopped,
            EventDelivery delivery,
            Leases leases,
            EventSettings settings,
            Clock clock,
            DeliveryCounts counter) {
        this.outbox = outbox;
        this.heldEvents = heldEvents;
        this.webhooks = webhooks;
        this.stopped = stopped;
        this.delivery = delivery;
        this.leases = leases;
        this.settings = settings;
        this.clock = clock;
        this.counter = counter;
    }

    @Override
    public int deliverDue() {
        Optional<Leases.Lease> lease;
        try {
            lease = leases.take(LEASE, LEASE_TIME);
        } catch (LeaseUnavailable e) {
            LOG.log(Level.WARNING, "event delivery skipped: {0}", e.getMessage());
            return 0;
        }
        if (lease.isEmpty()) {
            return 0; // another instance is delivering
        }
        try (Leases.Lease held = lease.get()) {
            Pass pass = new Pass(held, clock.instant().plus(LEASE_TIME.dividedBy(2)));
            try {
                moveHeldEvents();
                return deliver(outbox, outbox.due(clock.instant(), BATCH), pass);
            } catch (ConnectionStoreUnavailable storeDown) {
                return deliverHeldEvents(storeDown, pass);
            }
        }
    }

    /** One instance's pass: its lease and when it stops taking events. */
    private record Pass(Leases.Lease lease, Instant stopTaking) {}

    /**
     * Whether the pass may attempt one more event: before its time is up, and with its lease held again for the
     * attempt. A lease that lapsed (the pass stalled) may be another instance's by now, which delivers the rest.
     */
    private boolean mayAttempt(Pass pass) {
        if (clock.instant().isAfter(pass.stopTaking())) {
            return false; // the rest waits for the next pass, under a fresh lease
        }
        Duration attempt = delivery.longestAttempt().plus(LEASE_TIME.dividedBy(2));
        try {
            if (pass.lease().extend(attempt.compareTo(LEASE_TIME) > 0 ? attempt : LEASE_TIME)) {
                return true;
            }
            LOG.log(Level.WARNING, "event delivery: the lease lapsed during the pass; the rest waits for the next");
        } catch (LeaseUnavailable e) {
            LOG.log(Level.WARNING, "event delivery stopped: {0}", e.getMessage());
        }
        return false;
    }

    /** Events held while the store was down go into the outbox, which delivers them from now on. */
    private void moveHeldEvents() {
        List<EventOutbox.Entry> waiting;
        try {
            waiting = heldEvents.waiting(BATCH);
        } catch (HeldEventsUnavailable e) {
            LOG.log(Level.WARNING, "held events not moved to the outbox: {0}", e.getMessage());
            return;
        }
        for (EventOutbox.Entry event : waiting) {
            outbox.adopt(event);
            try {
                heldEvents.remove(event.id());
            } catch (HeldEventsUnavailable e) {
                return; // moved again by a later pass: the outbox adopts an id once
            }
        }
    }

    /** While the store is down, what happened meanwhile (held events) is still delivered. */
    private int deliverHeldEvents(ConnectionStoreUnavailable storeDown, Pass pass) {
        try {
            List<EventOutbox.Entry> due = heldEvents.due(clock.instant(), BATCH);
            if (!due.isEmpty()) {
                LOG.log(
                        Level.WARNING,
                        "event outbox unavailable ({0}): delivering the events held meanwhile",
                        storeDown.getMessage());
            }
            return deliver(heldEvents, due, pass);
        } catch (HeldEventsUnavailable e) {
            LOG.log(Level.WARNING, "event delivery paused: {0}; {1}", storeDown.getMessage(), e.getMessage());
            return 0;
        }
    }

    private int deliver(UndeliveredEvents from, List<EventOutbox.Entry> due, Pass pass) {
        int attempts = 0;
        for (EventOutbox.Entry entry : due) {
            if (!mayAttempt(pass)) {
                break;
            }
            if (attempt(from, entry)) {
                attempts++;
            }
        }
        return attempts;
    }

    /** One event: sent, or scheduled again; whether it was sent. */
    private boolean attempt(UndeliveredEvents from, EventOutbox.Entry entry) {
        Instant now = clock.instant();
        Optional<WebhookTarget> target = webhooks.of(entry.project());
        if (target.isEmpty()) {
            from.abandon(entry.id(), "no webhook configured for the project");
            counter.count("no_webhook");
            return false;
        }
        if (stopped.isStopped(entry.project(), target.get())) {
            later(from, entry, now, entry.attempts(), "the webhook URL answered 410; configure another URL");
            return false;
        }
        EventDelivery.Outcome outcome = delivery.deliver(target.get(), entry);
        Instant after = clock.instant();
        if (outcome instanceof EventDelivery.Delivered) {
            from.delivered(entry.id(), after);
            counter.count("delivered");
        } else if (outcome instanceof EventDelivery.Gone) {
            stopped.stop(entry.project(), target.get());
            later(from, entry, after, entry.attempts() + 1, "the webhook URL answered 410; configure another URL");
            counter.count("gone");
        } else {
            String why = ((EventDelivery.Failed) outcome).why();
            later(from, entry, after, entry.attempts() + 1, why);
            counter.count("failed");
        }
        return true;
    }

    private void later(UndeliveredEvents from, EventOutbox.Entry entry, Instant now, int attempts, String why) {
        if (!now.isBefore(entry.recordedAt().plus(settings.retryFor()))) {
            from.abandon(
                    entry.id(), "not delivered within " + settings.retryFor().toSeconds() + " s: " + why);
            counter.count("abandoned");
            return;
        }
        Duration wait = attempts == entry.attempts() ? settings.retryMax() : settings.backoff(attempts);
        from.retryAt(entry.id(), now.plus(wait), attempts, why);
    }
}
