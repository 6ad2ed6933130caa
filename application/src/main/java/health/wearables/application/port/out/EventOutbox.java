package health.wearables.application.port.out;

import health.wearables.domain.ProjectId;
import health.wearables.domain.events.PlatformEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The events owed to platforms, kept in the connection store so that an event is recorded in the same step as the
 * change it reports ({@link UnitOfWork}); delivered from there, at least once, by whoever takes them.
 */
public interface EventOutbox {

    /**
     * Records the event, its body rendered once and kept as it is for every attempt; in the step in progress, if any.
     *
     * @throws ConnectionStoreUnavailable when the store cannot be reached
     */
    void record(PlatformEvent event);

    /** Up to {@code max} undelivered events due at {@code now}, the oldest first. */
    List<Entry> due(Instant now, int max);

    /** The event reached the platform. */
    void delivered(String id, Instant at);

    /** Try again at {@code next}; {@code attempts} so far, and what the last one came to (the gateway's words). */
    void retryAt(String id, Instant next, int attempts, String lastOutcome);

    /** No more attempts; the event stays listed as undelivered, with why. */
    void abandon(String id, String why);

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
    }
}
