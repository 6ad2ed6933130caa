package health.wearables.adapters.sealing;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import health.wearables.application.port.out.TokenCipher;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.SealedToken;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Tokens sealed with Tink AEAD (AES-256-GCM keyset). The associated data binds each ciphertext to its project,
 * patient, provider and token kind, so a ciphertext copied to another Endpoint does not open. The keyset's primary key
 * seals; every key in the keyset opens, so rotation is adding a new primary.
 */
public final class TinkTokenCipher implements TokenCipher {
    private static final String CONTEXT = "wearables-gateway/token/v1";
    /** Tink's TINK output prefix: one version byte, then the 4-byte id of the key. */
    private static final byte TINK_PREFIX = 0x01;

    private final Aead aead;
    private final long primaryKeyId;

    public TinkTokenCipher(KeysetHandle keyset) {
        try {
            AeadConfig.register();
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the token keyset is not an AEAD keyset", e);
        }
        this.primaryKeyId = Integer.toUnsignedLong(keyset.getPrimary().getId());
    }

    @Override
    public SealedToken seal(ConnectionKey key, TokenKind kind, String plaintext) {
        try {
            byte[] ciphertext = aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), associatedData(key, kind));
            return new SealedToken(ciphertext, keyIdOf(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    @Override
    public String open(ConnectionKey key, TokenKind kind, SealedToken sealed) {
        try {
            return new String(aead.decrypt(sealed.ciphertext(), associatedData(key, kind)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new SecurityException("the token does not open for this connection (wrong binding, key or altered)");
        }
    }

    @Override
    public long primaryKeyId() {
        return primaryKeyId;
    }

    private long keyIdOf(byte[] ciphertext) {
        if (ciphertext.length > 5 && ciphertext[0] == TINK_PREFIX) {
            return Integer.toUnsignedLong(ByteBuffer.wrap(ciphertext, 1, 4).getInt());
        }
        return primaryKeyId;
    }

    private static byte[] associatedData(ConnectionKey key, TokenKind kind) {
        return (CONTEXT + "|" + kind.name() + "|" + key.canonical()).getBytes(StandardCharsets.UTF_8);
    }
}
