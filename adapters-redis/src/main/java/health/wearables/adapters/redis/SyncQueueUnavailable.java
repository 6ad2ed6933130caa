package health.wearables.adapters.redis;

/** The sync queue in Redis cannot be reached, so a job could not be queued (or the queue could not be set up). */
public class SyncQueueUnavailable extends RuntimeException {
    public SyncQueueUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
