package health.wearables.application.port.out;

/** The sync queue cannot be reached, so a job could not be queued (or the queue could not be set up). */
public class SyncQueueUnavailable extends RuntimeException {
    public SyncQueueUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
