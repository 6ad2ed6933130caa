package health.wearables.application.port.out;

import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.SealedCredentials;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where sealed credentials wait when the connection store could not take them right after the exchange, until a
 * retry writes them. Entries hold ciphertext only, exactly what {@link ConnectionStore#save} would have stored. There
 * is at most one entry per connection: holding credentials replaces an older entry of the same connection.
 *
 * <p>Every method throws {@link CredentialInboxUnavailable} when the inbox cannot be reached.
 */
public interface CredentialInbox {

    /** Keeps the credentials for at most {@code ttl}, replacing any entry of the same connection. */
    void hold(SealedCredentials credentials, Duration ttl);

    /** The entries of a project, or of one of its patients: for the connection listing. */
    List<SealedCredentials> held(ProjectId project, Optional<PatientId> patient);

    /** Up to {@code max} entries of any project, for the retry. */
    List<SealedCredentials> waiting(int max);

    /**
     * Removes the entry of these credentials' connection if it still holds exactly these credentials: an entry that a
     * newer hold replaced in the meantime stays.
     */
    void remove(SealedCredentials written);
}
