package health.wearables.acceptance.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A secret the run handled. It never prints its value: {@link #toString()} shows the kind, the length and a short
 * fingerprint (the start of its SHA-256), which is enough to tell two findings apart and useless for replaying it.
 */
public record Secret(SecretKind kind, String value) {

    public Secret {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    /** The first 12 hex digits of the SHA-256 of the value. */
    public String fingerprint() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return kind + "(" + value.length() + " chars, sha256 " + fingerprint() + "…)";
    }
}
