package health.wearables.domain.callback;

import health.wearables.domain.ConnectionKey;
import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.StoredConnection;
import health.wearables.domain.TokenSet;

/** State 4: tokens in hand (in memory only), to be sealed and stored. */
public record TokensObtained(PendingAuthorization pending, TokenSet tokens) {

    public ConnectionKey key() {
        return pending.connectionKey();
    }

    /** Transition to {@link Persisted}, given the stored connection. */
    public Persisted persisted(StoredConnection connection) {
        if (!connection.key().equals(key())) {
            throw new IllegalStateException("the store answered for another connection");
        }
        return new Persisted(pending, connection);
    }

    /** Transition to {@link HeldForRetry}: the store failed, the sealed tokens are held for a retry. */
    public HeldForRetry heldForRetry() {
        return new HeldForRetry(pending);
    }

    @Override
    public String toString() {
        return "TokensObtained[" + key().canonical() + "]";
    }
}
