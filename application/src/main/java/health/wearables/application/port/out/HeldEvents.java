package health.wearables.application.port.out;

import java.util.List;

/**
 * Events that happened while the connection store could not record them, so could not be written to the {@link
 * EventOutbox} in the step of their change: a {@code connection.pending} reports exactly such a moment. They wait here,
 * delivered from here while the store is down, and are moved into the outbox ({@link EventOutbox#adopt}) once it takes
 * writes again. An event abandoned here is forgotten with a WARN (the outbox never listed it).
 *
 * <p>Every method throws {@link HeldEventsUnavailable} when the store of held events cannot be reached.
 */
public interface HeldEvents extends UndeliveredEvents {

    /** Holds the event, due at once; its body is rendered already ({@link EventOutbox.Entry#of}). */
    void hold(EventOutbox.Entry event);

    /** Up to {@code max} held events, the earliest due first, whether due or not: for moving them to the outbox. */
    List<EventOutbox.Entry> waiting(int max);

    /** Forgets the held event (moved to the outbox). */
    void remove(String id);
}
