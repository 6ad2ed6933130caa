package health.wearables.application.port.out;

/**
 * The connection store cannot be reached (its database refuses, times out or fails). The message names the operation
 * and the kind of failure, never a token or a ciphertext.
 */
public class ConnectionStoreUnavailable extends RuntimeException {
    public ConnectionStoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
