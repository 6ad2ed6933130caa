package health.wearables.domain.callback;

import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.StoredConnection;
import health.wearables.domain.SyncJob;
import java.time.Instant;

/** State 5: the connection is stored; the initial sync is to be queued. */
public record Persisted(CallbackRoute route, PendingAuthorization pending, StoredConnection connection) {

    public SyncJob syncJob(Instant now) {
        return new SyncJob(connection.key(), connection.endpointId(), now);
    }

    /** Transition to {@link SyncQueued}. */
    public SyncQueued syncQueued() {
        return new SyncQueued(route, pending, connection);
    }
}
