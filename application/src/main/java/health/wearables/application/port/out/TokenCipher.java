package health.wearables.application.port.out;

import health.wearables.domain.ConnectionKey;
import health.wearables.domain.SealedToken;

/**
 * Authenticated encryption of token material, bound to the connection it belongs to: a ciphertext moved to another
 * connection does not open.
 */
public interface TokenCipher {

    SealedToken seal(ConnectionKey key, TokenKind kind, String plaintext);

    /**
     * Opens a token sealed for this connection and kind.
     *
     * @throws SecurityException when the ciphertext was not sealed for this key and kind, or was altered
     */
    String open(ConnectionKey key, TokenKind kind, SealedToken sealed);

    /** The id of the key {@link #seal} uses now; tokens sealed under another key are due for re-encryption. */
    long primaryKeyId();

    /** What a sealed token is; part of the associated data, so one kind never opens as another. */
    enum TokenKind {
        ACCESS,
        REFRESH,
        TOKEN_SECRET
    }
}
