package health.wearables.application.port.out;

/** The state store cannot be reached; the flow fails closed (no authorization URL, no exchange). */
public class StateStoreUnavailable extends RuntimeException {
    public StateStoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
