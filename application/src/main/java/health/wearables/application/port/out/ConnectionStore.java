package health.wearables.application.port.out;

import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.StoredConnection;
import java.util.List;
import java.util.Optional;

/**
 * Connections, one per project, patient and provider. {@link #save} creates it or updates it in place; a refresh token
 * already stored is kept when the new credentials carry none. The stored ciphertexts are read through
 * {@link StoredCredentials}, the marks of initial syncs waiting for a retry through {@link SyncMarks}.
 *
 * <p>Both methods throw {@link ConnectionStoreUnavailable} when the store cannot be reached.
 */
public interface ConnectionStore {

    /** Stored; {@code reconnect} when the connection had been stored before, whatever its status. */
    Saved save(SealedCredentials credentials);

    /** A project's connections, or one patient's, without token material. */
    List<StoredConnection> list(ProjectId project, Optional<PatientId> patient);

    /** A saved connection, and whether saving it was a reconnect (it had been stored before). */
    record Saved(StoredConnection connection, boolean reconnect) {
        public Saved {
            java.util.Objects.requireNonNull(connection, "connection");
        }
    }
}
