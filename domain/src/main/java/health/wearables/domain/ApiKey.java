package health.wearables.domain;

import java.util.Optional;

/** A project's API key as presented by a caller; only its SHA-256 is ever compared or stored. */
public record ApiKey(String value) {
    public ApiKey {
        Syntax.require(value, Syntax.VISIBLE_ASCII, 512, "API key");
    }

    /** The key in an {@code Authorization: Bearer <key>} header value; anything else is no key. */
    public static Optional<ApiKey> fromBearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ApiKey(authorization.substring(7).trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public byte[] sha256() {
        return Hashing.sha256(value);
    }

    @Override
    public String toString() {
        return Redacted.of("ApiKey");
    }
}
