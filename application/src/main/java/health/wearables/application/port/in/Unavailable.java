package health.wearables.application.port.in;

/**
 * A use case stopped because a store it cannot do without could not be reached. These are the faults the use cases
 * let through to their callers, who answer "try again later"; every other store failure is handled inside (held for a
 * retry, listed as incomplete). The message names the store's operation and the kind of failure, never a token.
 */
public abstract sealed class Unavailable extends RuntimeException {

    private Unavailable(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The state store cannot be reached: nothing was done. {@link StartConnection} gave no authorization URL;
     * {@link CompleteCallback} took no state and exchanged nothing.
     */
    public static final class StateStore extends Unavailable {
        public StateStore(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** {@link ListConnections}: neither the connection store nor the credential inbox could be read. */
    public static final class ConnectionStore extends Unavailable {
        public ConnectionStore(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * {@link CompleteCallback}, after the exchange: the connection store could not take the tokens and the credential
     * inbox could not hold them either, so they are lost and the patient must connect again (logged at ERROR).
     */
    public static final class CredentialInbox extends Unavailable {
        public CredentialInbox(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** {@link RequestSync}: the sync queue cannot be reached, so no job was queued. */
    public static final class SyncQueue extends Unavailable {
        public SyncQueue(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * {@link DisconnectConnection}: the store of revocations owed to providers cannot be reached, so the connection was
     * not ended (its grant could not be recorded for revocation).
     */
    public static final class RevocationStore extends Unavailable {
        public RevocationStore(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
