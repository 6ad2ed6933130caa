package health.wearables.domain.audit;

import health.wearables.domain.ApiKey;
import health.wearables.domain.Hashing;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A name of an API key that is not the key: the first {@value #LENGTH} hex digits of its SHA-256, so that an operator
 * can tell which of a project's keys made a call (and compare it with the hash configured for the key) without the
 * audit trail ever holding the key. It names the key; it cannot be used as one.
 */
public record ApiKeyId(String value) {
    static final int LENGTH = 12;
    private static final Pattern SYNTAX = Pattern.compile("[0-9a-f]{" + LENGTH + "}");

    public ApiKeyId {
        Objects.requireNonNull(value, "API key id");
        if (!SYNTAX.matcher(value).matches()) {
            throw new IllegalArgumentException("an API key id is " + LENGTH + " lowercase hex digits");
        }
    }

    public static ApiKeyId of(ApiKey key) {
        return new ApiKeyId(Hashing.sha256Hex(key.value()).substring(0, LENGTH));
    }

    @Override
    public String toString() {
        return value;
    }
}
