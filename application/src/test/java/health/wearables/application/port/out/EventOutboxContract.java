package health.wearables.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.wearables.domain.ConnectionKey;
import health.wearables.domain.events.PlatformEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link EventOutbox} with its {@link UnitOfWork} must do; run against the fake and the FHIR store. */
public abstract class EventOutboxContract {

    protected abstract EventOutbox outbox();

    protected abstract UnitOfWork units();

    private final Instant now = Instant.parse("2026-11-30T12:00:00Z");

    private static String id() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }

    private List<String> dueOf(ConnectionKey key, Instant at) {
        return outbox().due(at, 10_000).stream()
                .filter(entry -> entry.project().equals(key.project()))
                .map(EventOutbox.Entry::id)
                .toList();
    }

    @Test
    void an_event_recorded_in_a_step_is_due_at_once_with_its_project_and_type() {
        ConnectionKey key = Samples.connectionKey();
        PlatformEvent created = PlatformEvent.connectionCreated(id(), key, false, now);

        units().inOneStep(() -> {
            outbox().record(created);
            return null;
        });

        List<EventOutbox.Entry> due = outbox().due(now, 10_000).stream()
                .filter(entry -> entry.id().equals(created.id()))
                .toList();
        assertThat(due).singleElement().satisfies(entry -> {
            assertThat(entry.project()).isEqualTo(key.project());
            assertThat(entry.type()).isEqualTo("connection.created");
            assertThat(entry.attempts()).isZero();
            assertThat(entry.lastOutcome()).isEmpty();
        });
    }

    @Test
    void a_step_that_fails_leaves_none_of_its_events() {
        ConnectionKey key = Samples.connectionKey();

        assertThatThrownBy(() -> units().inOneStep(() -> {
                    outbox().record(PlatformEvent.connectionCreated(id(), key, false, now));
                    throw new IllegalStateException("the change failed");
                }))
                .hasMessage("the change failed");

        assertThat(dueOf(key, now)).isEmpty();
        assertThat(outbox().undelivered(key.project(), 10)).isEmpty();
    }

    @Test
    void a_retry_is_due_at_its_time_with_its_attempts_and_a_delivered_event_is_never_due_again() {
        ConnectionKey key = Samples.connectionKey();
        String first = id();
        String second = id();
        outbox().record(PlatformEvent.connectionCreated(first, key, false, now));
        outbox().record(PlatformEvent.reauthRequired(second, key, now.plusSeconds(1)));

        outbox().retryAt(first, now.plusSeconds(30), 1, "receiver answered 503");
        outbox().delivered(second, now.plusSeconds(2));

        assertThat(dueOf(key, now.plusSeconds(29))).isEmpty();
        assertThat(dueOf(key, now.plusSeconds(30))).containsExactly(first);
        assertThat(outbox().undelivered(key.project(), 10)).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo(first);
            assertThat(entry.attempts()).isEqualTo(1);
            assertThat(entry.lastOutcome()).contains("receiver answered 503");
        });
    }

    @Test
    void an_abandoned_event_is_never_due_again_but_stays_listed_as_undelivered() {
        ConnectionKey key = Samples.connectionKey();
        String id = id();
        outbox().record(PlatformEvent.connectionCreated(id, key, true, now));

        outbox().abandon(id, "gave up after 86400 s");

        assertThat(dueOf(key, now.plusSeconds(86_400 * 10L))).isEmpty();
        assertThat(outbox().undelivered(key.project(), 10))
                .singleElement()
                .satisfies(entry -> assertThat(entry.lastOutcome()).contains("gave up after 86400 s"));
    }

    @Test
    void due_events_come_oldest_first_and_at_most_as_many_as_asked() {
        ConnectionKey key = Samples.connectionKey();
        String older = id();
        String newer = id();
        outbox().record(PlatformEvent.connectionCreated(newer, key, false, now.plusSeconds(5)));
        outbox().record(PlatformEvent.connectionCreated(older, key, false, now));

        assertThat(dueOf(key, now.plusSeconds(5))).containsExactly(older, newer);
        assertThat(outbox().due(now.plusSeconds(5), 1)).hasSize(1);
    }

    @Test
    void an_adopted_event_keeps_its_body_instant_and_attempts_and_comes_before_later_events() {
        ConnectionKey key = Samples.connectionKey();
        PlatformEvent pending = PlatformEvent.connectionPending(id(), key, now);
        EventOutbox.Entry held = new EventOutbox.Entry(
                pending.id(),
                key.project(),
                "connection.pending",
                EventOutbox.Entry.of(pending).body(),
                now,
                2,
                java.util.Optional.of("receiver answered 503"));
        String later = id();
        outbox().record(PlatformEvent.connectionCreated(later, key, false, now.plusSeconds(1)));

        outbox().adopt(held);
        outbox().adopt(held);

        assertThat(dueOf(key, now.plusSeconds(1))).containsExactly(pending.id(), later);
        assertThat(outbox().undelivered(key.project(), 10)).first().isEqualTo(held);
    }
}
