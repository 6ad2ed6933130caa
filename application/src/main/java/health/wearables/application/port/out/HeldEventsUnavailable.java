package health.wearables.application.port.out;

/** The store of held events cannot be reached; the message names the operation, never an event's body. */
public class HeldEventsUnavailable extends RuntimeException {
    public HeldEventsUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
