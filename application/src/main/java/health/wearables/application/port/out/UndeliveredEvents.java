package health.wearables.application.port.out;

import java.time.Instant;
import java.util.List;

/**
 * Events waiting for delivery, wherever they wait: what a delivery pass needs of them. The {@link EventOutbox} in the
 * connection store holds them; {@link HeldEvents} holds those that happened while that store was down.
 */
public interface UndeliveredEvents {

    /** Up to {@code max} undelivered events due at {@code now}, the oldest first. */
    List<EventOutbox.Entry> due(Instant now, int max);

    /** The event reached the platform. */
    void delivered(String id, Instant at);

    /** Try again at {@code next}; {@code attempts} so far, and what the last one came to (the gateway's words). */
    void retryAt(String id, Instant next, int attempts, String lastOutcome);

    /** No more attempts, with why. */
    void abandon(String id, String why);
}
