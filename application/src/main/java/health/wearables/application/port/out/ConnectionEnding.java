package health.wearables.application.port.out;

import health.wearables.domain.ConnectionKey;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.StoredConnection;
import health.wearables.domain.lifecycle.EndReason;
import java.util.List;
import java.util.Optional;

/**
 * Ends connections in the connection store: the Endpoint becomes {@code off} with its reason, and its token material is
 * gone from every stored version of it (not only from the current one). From then on the connection has no
 * credentials ({@link StoredCredentials#find} answers empty) and the Observation store refuses its pages.
 *
 * @see ObservationStore#write
 */
public interface ConnectionEnding {

    /**
     * Ends the connection for {@code reason}.
     *
     * @return what ending it came to; {@link Ending.Ended} carries the credentials it removed (for a revocation at the
     *     provider)
     * @throws ConnectionStoreUnavailable when the store cannot be reached; nothing is ended then
     */
    Ending end(ConnectionKey key, EndReason reason);

    /** Deletes the connection's Observations and its Device (with their history): {@code ?purge=true}. */
    void purge(ConnectionKey key);

    /**
     * The stored connections, of any status, whose provider user is {@code providerUserId} (usually one; several
     * projects may share a provider account).
     */
    List<StoredConnection> ofProviderUser(ProviderSlug provider, String providerUserId);

    /** What {@link #end} came to. */
    sealed interface Ending {}

    /** No connection of this key is stored. */
    record NotFound() implements Ending {}

    /** The connection had already ended (for whatever reason): nothing changed. */
    record AlreadyEnded(EndReason reason) implements Ending {}

    /**
     * The connection ended now: its Endpoint's id, and {@code removed}, the credentials it held (empty if it held
     * none).
     */
    record Ended(String endpointId, Optional<SealedCredentials> removed) implements Ending {
        public Ended {
            java.util.Objects.requireNonNull(endpointId, "endpointId");
            java.util.Objects.requireNonNull(removed, "removed");
        }
    }
}
