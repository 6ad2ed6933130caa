package health.wearables.application.port.out;

import health.wearables.domain.ConnectionKey;
import health.wearables.domain.Hashing;
import health.wearables.domain.SealedToken;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test double that keeps the rules of the real cipher (a ciphertext opens only for its own connection and kind, and
 * not at all once altered) without any secret: a checksum stands in for the tag. Only ever used in tests.
 */
public final class ReversibleTokenCipher implements TokenCipher {
    private final AtomicLong primaryKeyId = new AtomicLong(1);

    @Override
    public SealedToken seal(ConnectionKey key, TokenKind kind, String plaintext) {
        String body = Base64.getEncoder().encodeToString(plaintext.getBytes(StandardCharsets.UTF_8));
        String boxed = body + "\n" + Hashing.sha256Hex(binding(key, kind) + body);
        return new SealedToken(boxed.getBytes(StandardCharsets.UTF_8), primaryKeyId.get());
    }

    @Override
    public long primaryKeyId() {
        return primaryKeyId.get();
    }

    /** A new primary key: later seals carry its id; every earlier ciphertext still opens. */
    public void rotate() {
        primaryKeyId.incrementAndGet();
    }

    @Override
    public String open(ConnectionKey key, TokenKind kind, SealedToken sealed) {
        String[] parts = new String(sealed.ciphertext(), StandardCharsets.UTF_8).split("\n", 2);
        if (parts.length != 2 || !parts[1].equals(Hashing.sha256Hex(binding(key, kind) + parts[0]))) {
            throw new SecurityException("not sealed for this connection, or altered");
        }
        return new String(Base64.getDecoder().decode(parts[0]), StandardCharsets.UTF_8);
    }

    private static String binding(ConnectionKey key, TokenKind kind) {
        return kind + "|" + key.canonical() + "|";
    }
}
