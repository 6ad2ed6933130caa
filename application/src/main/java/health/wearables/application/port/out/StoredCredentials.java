package health.wearables.application.port.out;

import health.wearables.domain.ConnectionKey;
import health.wearables.domain.SealedCredentials;
import java.util.List;
import java.util.Optional;

/**
 * The sealed credentials of the stored connections, for the passes that work on them after the fact: re-encryption
 * after a key rotation, and recovery, which writes held credentials over an older stored connection. A write here is
 * compare-and-set, so a reconnect that lands meanwhile always wins.
 *
 * <p>Every method throws {@link ConnectionStoreUnavailable} when the store cannot be reached.
 */
public interface StoredCredentials {

    /** The stored ciphertexts of one connection. */
    Optional<SealedCredentials> find(ConnectionKey key);

    /** The key of every stored connection of every project, for passes over the whole store. */
    List<ConnectionKey> keys();

    /**
     * Replaces a connection's credentials only if what is stored is still exactly {@code expected} (compare and set):
     * a reconnect that lands in between wins, and this answers {@code false}, as it does when the connection is gone.
     */
    boolean replace(SealedCredentials expected, SealedCredentials replacement);
}
