package health.wearables.application.port.out;

import health.wearables.domain.ProjectId;
import health.wearables.domain.events.EventBody;
import health.wearables.domain.events.PlatformEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The events owed to platforms, kept in the connection store so that an event is recorded in the same step as the
 * change it reports ({@link UnitOfWork}); delivered from there, at least once, by whoever takes them.
 */
public interface EventOutbox extends UndeliveredEvents {

    /**
     * Records the event, its body rendered once and kept as it is for every attempt; in the step in progress, if any.
     *
     * @throws ConnectionStoreUnavailable when the store cannot be reached
     */
    void record(PlatformEvent event);

    /**
     * Records an event held elsewhere while the store was down ({@link HeldEvents}): its id, body, recording instant,
     * attempts and last outcome as they are, due at once. Nothing happens if an event of this id is recorded already
     * (moving it again after a move whose removal failed).
     *
     * @throws ConnectionStoreUnavailable when the store cannot be reached
     */
    void adopt(Entry held);

    /** A project's events that have not been delivered (due, waiting or abandoned), the oldest first. */
    List<Entry> undelivered(ProjectId project, int max);

    /**
     * One recorded event: its id, project, type, the exact body to send, when it was recorded, the attempts so far and
     * what the last one came to.
     */
    record Entry(
            String id,
            ProjectId project,
            String type,
            String body,
            Instant recordedAt,
            int attempts,
            Optional<String> lastOutcome) {
        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(lastOutcome, "last outcome");
        }

        /** A new event, not attempted yet, its body rendered as every attempt sends it. */
        public static Entry of(PlatformEvent event) {
            return new Entry(
                    event.id(),
                    event.connection().project(),
                    event.type().wireName(),
                    EventBody.of(event),
                    event.timestamp(),
                    0,
                    Optional.empty());
        }
    }
}
