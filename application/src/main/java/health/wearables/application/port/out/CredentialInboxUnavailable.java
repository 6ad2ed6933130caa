package health.wearables.application.port.out;

/** The credential inbox cannot be reached; the message names the operation, never a token or a ciphertext. */
public class CredentialInboxUnavailable extends RuntimeException {
    public CredentialInboxUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
