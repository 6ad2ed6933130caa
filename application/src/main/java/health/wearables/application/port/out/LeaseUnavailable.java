package health.wearables.application.port.out;

/** Whether a lease is free cannot be known: the store that holds leases cannot be reached. */
public class LeaseUnavailable extends RuntimeException {
    public LeaseUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
