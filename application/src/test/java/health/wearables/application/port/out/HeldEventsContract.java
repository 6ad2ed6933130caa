package health.wearables.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.ConnectionKey;
import health.wearables.domain.events.PlatformEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link HeldEvents} must do; run against the fake and Redis. */
public abstract class HeldEventsContract {

    protected abstract HeldEvents held();

    private final Instant now = Instant.parse("2026-11-30T12:00:00Z");

    private static EventOutbox.Entry pending(ConnectionKey key, Instant at) {
        return EventOutbox.Entry.of(PlatformEvent.connectionPending(
                "msg_" + UUID.randomUUID().toString().replace("-", ""), key, at));
    }

    private List<String> ids(List<EventOutbox.Entry> entries, ConnectionKey key) {
        return entries.stream()
                .filter(entry -> entry.project().equals(key.project()))
                .map(EventOutbox.Entry::id)
                .toList();
    }

    @Test
    void a_held_event_is_due_at_once_exactly_as_held() {
        ConnectionKey key = Samples.connectionKey();
        EventOutbox.Entry event = pending(key, now);

        held().hold(event);

        assertThat(held().due(now, 10_000))
                .filteredOn(entry -> entry.id().equals(event.id()))
                .singleElement()
                .isEqualTo(event);
        assertThat(ids(held().waiting(10_000), key)).containsExactly(event.id());
    }

    @Test
    void a_retry_is_due_at_its_time_with_its_attempts_and_outcome_and_still_waits_to_be_moved() {
        ConnectionKey key = Samples.connectionKey();
        EventOutbox.Entry event = pending(key, now);
        held().hold(event);

        held().retryAt(event.id(), now.plusSeconds(30), 1, "receiver answered 503");

        assertThat(ids(held().due(now.plusSeconds(29), 10_000), key)).isEmpty();
        assertThat(held().due(now.plusSeconds(30), 10_000))
                .filteredOn(entry -> entry.id().equals(event.id()))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.attempts()).isEqualTo(1);
                    assertThat(entry.lastOutcome()).contains("receiver answered 503");
                    assertThat(entry.body()).isEqualTo(event.body());
                    assertThat(entry.recordedAt()).isEqualTo(now);
                });
        assertThat(ids(held().waiting(10_000), key)).containsExactly(event.id());
    }

    @Test
    void a_delivered_an_abandoned_or_a_moved_event_is_held_no_more() {
        ConnectionKey key = Samples.connectionKey();
        EventOutbox.Entry delivered = pending(key, now);
        EventOutbox.Entry abandoned = pending(key, now);
        EventOutbox.Entry moved = pending(key, now);
        held().hold(delivered);
        held().hold(abandoned);
        held().hold(moved);

        held().delivered(delivered.id(), now);
        held().abandon(abandoned.id(), "not delivered within 86400 s");
        held().remove(moved.id());

        assertThat(ids(held().due(now.plusSeconds(86_400), 10_000), key)).isEmpty();
        assertThat(ids(held().waiting(10_000), key)).isEmpty();
    }

    @Test
    void a_retry_of_an_event_held_no_more_does_not_bring_it_back() {
        ConnectionKey key = Samples.connectionKey();
        EventOutbox.Entry event = pending(key, now);
        held().hold(event);
        held().remove(event.id());

        held().retryAt(event.id(), now.plusSeconds(1), 1, "receiver answered 503");

        assertThat(ids(held().waiting(10_000), key)).isEmpty();
    }

    @Test
    void waiting_events_come_earliest_due_first_and_at_most_as_many_as_asked() {
        ConnectionKey key = Samples.connectionKey();
        EventOutbox.Entry first = pending(key, now);
        EventOutbox.Entry second = pending(key, now.plusSeconds(1));
        held().hold(first);
        held().hold(second);
        held().retryAt(first.id(), now.plusSeconds(60), 1, "receiver timed out");

        assertThat(ids(held().waiting(10_000), key)).containsExactly(second.id(), first.id());
        assertThat(held().waiting(1)).hasSize(1);
    }
}
