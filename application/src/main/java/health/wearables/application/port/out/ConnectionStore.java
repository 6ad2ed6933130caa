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
 * already stored is kept when the new credentials carry none. The stored ciphertexts are read through
 * {@link StoredCredentials}, the marks of initial syncs waiting for a retry through {@link SyncMarks}.
 *
 * <p>Both methods throw {@link ConnectionStoreUnavailable} when the store cannot be reached.
 */
public interface ConnectionStore {

    StoredConnection save(SealedCredentials credentials);

    /** A project's connections, or one patient's, without token material. */
    List<StoredConnection> list(ProjectId project, Optional<PatientId> patient);

    /** Whether the connection is stored, whatever its status (a connect then is a reconnect). */
    default boolean exists(ConnectionKey key) {
        return list(key.project(), Optional.of(key.patient())).stream()
                .anyMatch(connection -> connection.key().equals(key));
    }
}
