package health.wearables.application.port.out;

import health.wearables.domain.ConnectionKey;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.StoredConnection;
import java.util.List;
import java.util.Optional;

/**
 * Connections, one per project, patient and provider. {@link #save} creates it or updates it in place; a refresh token
 * already stored is kept when the new credentials carry none.
 *
 * <p>A connection can be marked as waiting for its initial sync, when the sync queue could not take the job: the mark
 * lives with the connection, so it outlasts an outage of the queue, and a retry queues the job and clears it.
 *
 * <p>Every method throws {@link ConnectionStoreUnavailable} when the store cannot be reached.
 */
public interface ConnectionStore {

    StoredConnection save(SealedCredentials credentials);

    List<StoredConnection> list(ProjectId project, Optional<PatientId> patient);

    /** The stored ciphertexts of one connection, for re-encryption and for checks. */
    Optional<SealedCredentials> find(ConnectionKey key);

    /** The key of every stored connection of every project, for passes over the whole store (re-encryption). */
    List<ConnectionKey> keys();

    /**
     * Replaces a connection's credentials only if what is stored is still exactly {@code expected} (compare and set):
     * a reconnect that lands in between wins, and this answers {@code false}, as it does when the connection is gone.
     */
    boolean replace(SealedCredentials expected, SealedCredentials replacement);

    /** Marks the stored connection as waiting for its initial sync; a connection that is not stored is ignored. */
    void markSyncPending(ConnectionKey key);

    /** Up to {@code max} connections marked as waiting for their initial sync. */
    List<StoredConnection> syncPending(int max);

    /** Clears the mark; a connection without it is left as it is. */
    void clearSyncPending(ConnectionKey key);
}
