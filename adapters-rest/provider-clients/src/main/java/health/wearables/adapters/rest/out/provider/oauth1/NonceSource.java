package health.wearables.adapters.rest.out.provider.oauth1;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/** Where {@code oauth_nonce} values come from (RFC 5849 §3.3); injected so tests can fix them. */
@FunctionalInterface
public interface NonceSource {
    String next();

    /** 128 random bits as 32 hex digits. */
    static NonceSource secure(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        return () -> {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        };
    }
}
