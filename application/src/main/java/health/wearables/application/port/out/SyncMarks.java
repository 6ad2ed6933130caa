package health.wearables.application.port.out;

import health.wearables.domain.ConnectionKey;
import health.wearables.domain.StoredConnection;
import java.util.List;

/**
 * Initial syncs recorded for a retry, when the sync queue could not take the job: the mark lives with the stored
 * connection, so it outlasts an outage of the queue, and a retry queues the job and clears it.
 *
 * <p>Every method throws {@link ConnectionStoreUnavailable} when the store cannot be reached.
 */
public interface SyncMarks {

    /** Marks the stored connection as waiting for its initial sync; a connection that is not stored is ignored. */
    void markSyncPending(ConnectionKey key);

    /** Up to {@code max} connections marked as waiting for their initial sync. */
    List<StoredConnection> syncPending(int max);

    /** Clears the mark; a connection without it is left as it is. */
    void clearSyncPending(ConnectionKey key);
}
