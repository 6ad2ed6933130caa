package health.wearables.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.EventDelivery;
import health.wearables.application.port.out.EventOutbox;
import health.wearables.application.port.out.InMemoryEventOutbox;
import health.wearables.application.port.out.InMemoryHeldEvents;
import health.wearables.application.port.out.InMemoryLeases;
import health.wearables.application.port.out.StoppedWebhooks;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.ProjectId;
import health.wearables.domain.events.PlatformEvent;
import health.wearables.domain.events.WebhookTarget;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliverEventsServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final ConnectionKey AMARA = Gateway.key("acme", "amara", "whoop");
    private static final WebhookTarget ACME =
            new WebhookTarget(URI.create("https://care.example/hooks"), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryEventOutbox outbox = new InMemoryEventOutbox();
    private final InMemoryHeldEvents held = new InMemoryHeldEvents();
    private final InMemoryLeases leases = new InMemoryLeases(clock);
    private final Deque<EventDelivery.Outcome> answers = new ArrayDeque<>();
    private final List<String> sent = new ArrayList<>();
    private final List<String> counted = new ArrayList<>();
    private final Set<String> stoppedUrls = new HashSet<>();
    private Optional<WebhookTarget> target = Optional.of(ACME);

    private final StoppedWebhooks stopped = new StoppedWebhooks() {
        @Override
        public void stop(ProjectId project, WebhookTarget gone) {
            stoppedUrls.add(project.value() + " " + gone.url());
        }

        @Override
        public boolean isStopped(ProjectId project, WebhookTarget asked) {
            return stoppedUrls.contains(project.value() + " " + asked.url());
        }
    };

    /** The receivers, as one delivery: answers in turn (then 204), runs {@link #during} inside the next attempt. */
    private final class Receivers implements EventDelivery {
        Duration longest = Duration.ofSeconds(10);
        Runnable during;

        @Override
        public Outcome deliver(WebhookTarget to, EventOutbox.Entry event) {
            sent.add(event.id());
            Runnable once = during;
            during = null;
            if (once != null) {
                once.run();
            }
            return answers.isEmpty() ? new EventDelivery.Delivered(204) : answers.poll();
        }

        @Override
        public Duration longestAttempt() {
            return longest;
        }
    }

    private final Receivers receivers = new Receivers();
    private final DeliverEventsService deliver = instance();

    /** An instance of the gateway delivering the same outbox under the same leases. */
    private DeliverEventsService instance() {
        return new DeliverEventsService(
                outbox,
                held,
                project -> project.value().equals("acme") ? target : Optional.empty(),
                stopped,
                receivers,
                leases,
                new EventSettings(Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(1)),
                clock,
                counted::add);
    }

    private String recorded(Instant at) {
        String id = new EventIds(new java.security.SecureRandom()).next();
        outbox.record(PlatformEvent.connectionCreated(id, AMARA, false, at));
        return id;
    }

    @Test
    void due_events_are_delivered_oldest_first_and_never_again() {
        String second = recorded(NOW.plusSeconds(1));
        String first = recorded(NOW);
        clock.advance(Duration.ofSeconds(1));

        assertThat(deliver.deliverDue()).isEqualTo(2);
        assertThat(deliver.deliverDue()).isZero();

        assertThat(sent).containsExactly(first, second);
        assertThat(outbox.isDelivered(first)).isTrue();
        assertThat(counted).containsExactly("delivered", "delivered");
    }

    @Test
    void a_failing_receiver_gets_the_same_event_again_after_a_doubling_wait_until_it_answers() {
        String id = recorded(NOW);
        answers.add(new EventDelivery.Failed("the receiver answered 503"));
        answers.add(new EventDelivery.Failed("the receiver did not answer within 10000 ms"));

        deliver.deliverDue(); // fails: again in 1 s
        clock.advance(Duration.ofMillis(999));
        deliver.deliverDue(); // not yet
        clock.advance(Duration.ofMillis(1));
        deliver.deliverDue(); // fails: again in 2 s
        clock.advance(Duration.ofSeconds(2));
        deliver.deliverDue(); // delivered

        assertThat(sent).containsExactly(id, id, id);
        assertThat(outbox.isDelivered(id)).isTrue();
        assertThat(counted).containsExactly("failed", "failed", "delivered");
    }

    @Test
    void an_event_not_delivered_within_retry_for_is_abandoned_and_stays_listed() {
        String id = recorded(NOW);
        for (int each = 0; each < 20; each++) {
            answers.add(new EventDelivery.Failed("the receiver answered 500"));
        }

        for (int second = 0; second <= 70; second++) {
            deliver.deliverDue();
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(outbox.due(clock.instant().plus(Duration.ofDays(1)), 10)).isEmpty();
        assertThat(outbox.undelivered(AMARA.project(), 10))
                .singleElement()
                .satisfies(
                        entry -> assertThat(entry.lastOutcome().orElseThrow()).startsWith("not delivered within 60 s"));
        assertThat(counted).contains("abandoned");
        assertThat(sent).allMatch(id::equals);
    }

    @Test
    void a_410_stops_the_url_and_nothing_more_is_sent_to_it() {
        String first = recorded(NOW);
        answers.add(new EventDelivery.Gone());
        deliver.deliverDue();
        String second = recorded(NOW);

        for (int second2 = 0; second2 < 20; second2++) {
            clock.advance(Duration.ofSeconds(1));
            deliver.deliverDue();
        }

        assertThat(sent).containsExactly(first);
        assertThat(outbox.undelivered(AMARA.project(), 10))
                .extracting(EventOutbox.Entry::id)
                .containsExactly(first, second);
        assertThat(counted).containsExactly("gone");
    }

    @Test
    void an_event_of_a_project_without_a_webhook_is_abandoned_at_once_and_stays_listed() {
        target = Optional.empty();
        String id = recorded(NOW);

        deliver.deliverDue();
        target = Optional.of(ACME);
        clock.advance(Duration.ofHours(2));
        deliver.deliverDue();

        assertThat(sent).isEmpty();
        assertThat(outbox.undelivered(AMARA.project(), 10)).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo(id);
            assertThat(entry.lastOutcome()).contains("no webhook configured for the project");
        });
    }

    @Test
    void one_instance_at_a_time_delivers() {
        recorded(NOW);
        try (var held =
                leases.take(DeliverEventsService.LEASE, Duration.ofMinutes(1)).orElseThrow()) {
            assertThat(deliver.deliverDue())
                    .as("another instance holds the delivery")
                    .isZero();
        }
        assertThat(deliver.deliverDue()).isEqualTo(1);
    }

    @Test
    void an_attempt_as_long_as_the_timeout_allows_keeps_the_lease_so_no_other_instance_sends_the_same_event() {
        String id = recorded(NOW);
        receivers.longest = Duration.ofMinutes(2); // wearables.events.timeout may be up to 300 s
        DeliverEventsService other = instance();
        List<Integer> othersPass = new ArrayList<>();
        receivers.during = () -> {
            clock.advance(Duration.ofSeconds(90)); // the receiver answers after 90 s, within the timeout
            othersPass.add(other.deliverDue());
        };

        assertThat(deliver.deliverDue()).isEqualTo(1);

        assertThat(othersPass)
                .as("the other instance's pass during the attempt")
                .containsExactly(0);
        assertThat(sent).containsExactly(id);
        assertThat(outbox.isDelivered(id)).isTrue();
    }

    @Test
    void a_pass_that_cannot_hold_its_lease_again_stops_and_the_rest_waits_for_the_next_pass() {
        String first = recorded(NOW);
        String second = recorded(NOW.plusMillis(1));
        clock.advance(Duration.ofSeconds(1));
        receivers.during = () -> leases.setAvailable(false); // Redis goes away during the first attempt

        assertThat(deliver.deliverDue()).isEqualTo(1);
        assertThat(sent).containsExactly(first);

        leases.setAvailable(true);
        assertThat(deliver.deliverDue()).isEqualTo(1);
        assertThat(sent).containsExactly(first, second);
        assertThat(outbox.isDelivered(second)).isTrue();
    }

    // Events held while the store was down

    private String heldPending(Instant at) {
        String id = new EventIds(new java.security.SecureRandom()).next();
        held.hold(EventOutbox.Entry.of(PlatformEvent.connectionPending(id, AMARA, at)));
        return id;
    }

    @Test
    void while_the_store_is_down_held_events_are_delivered_from_where_they_are_held() {
        String pending = heldPending(NOW);
        outbox.setAvailable(false);
        answers.add(new EventDelivery.Failed("the receiver answered 503"));

        deliver.deliverDue(); // fails: again in 1 s, still held
        clock.advance(Duration.ofSeconds(1));
        deliver.deliverDue(); // delivered

        assertThat(sent).containsExactly(pending, pending);
        assertThat(held.waiting(10)).isEmpty();
        assertThat(counted).containsExactly("failed", "delivered");
        outbox.setAvailable(true);
        assertThat(outbox.entries())
                .as("delivered before the store was back: never in the outbox")
                .isEmpty();
    }

    @Test
    void once_the_store_is_back_held_events_move_into_the_outbox_with_their_attempts_and_go_first() {
        String pending = heldPending(NOW);
        outbox.setAvailable(false);
        answers.add(new EventDelivery.Failed("the receiver answered 503"));
        deliver.deliverDue();
        outbox.setAvailable(true);
        String created = recorded(NOW.plusSeconds(1));
        clock.advance(Duration.ofSeconds(1));

        deliver.deliverDue();

        assertThat(held.waiting(10)).isEmpty();
        assertThat(sent).containsExactly(pending, pending, created);
        assertThat(outbox.isDelivered(pending)).isTrue();
        assertThat(outbox.isDelivered(created)).isTrue();
    }

    @Test
    void with_the_store_and_the_held_events_down_nothing_is_sent_and_nothing_is_lost() {
        String pending = heldPending(NOW);
        outbox.setAvailable(false);
        held.setAvailable(false);

        assertThat(deliver.deliverDue()).isZero();

        held.setAvailable(true);
        outbox.setAvailable(true);
        assertThat(sent).isEmpty();
        assertThat(held.waiting(10)).extracting(EventOutbox.Entry::id).containsExactly(pending);
    }

    @Test
    void with_the_held_events_down_the_outbox_is_delivered_all_the_same() {
        String id = recorded(NOW);
        held.setAvailable(false);

        assertThat(deliver.deliverDue()).isEqualTo(1);
        assertThat(sent).containsExactly(id);
    }
}
