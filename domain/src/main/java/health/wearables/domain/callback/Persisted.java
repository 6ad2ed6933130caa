package health.wearables.domain.callback;

import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.StoredConnection;
import health.wearables.domain.SyncJob;
import java.time.Instant;
import java.util.function.Function;

/** State 5: the connection is stored; the initial sync is to be queued. */
public record Persisted(PendingAuthorization pending, StoredConnection connection) implements Kept {

    @Override
    public <R> R fold(Function<? super Persisted, R> onPersisted, Function<? super HeldForRetry, R> onHeld) {
        return onPersisted.apply(this);
    }

    public SyncJob syncJob(Instant now) {
        return new SyncJob(connection.key(), connection.endpointId(), now);
    }

    /**
     * Transition to {@link SyncQueued}: the job is on the queue, or (the queue failed) recorded with the connection for
     * a retry; either way the connection is a success.
     */
    public SyncQueued syncQueued() {
        return new SyncQueued(pending, connection);
    }
}
