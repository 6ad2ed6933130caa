package health.wearables.domain.connect;

import health.wearables.domain.Hashing;
import java.util.Base64;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The secret in a connect link: 256 bits from the injected CSPRNG, base64url without padding (43 characters). Whoever
 * holds it may choose a provider for the session's patient once, so it is stored only as its SHA-256 and prints as
 * {@code ConnectSessionToken[redacted]}.
 */
public record ConnectSessionToken(String value) {
    public static final int BYTES = 32;
    public static final int LENGTH = 43;
    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9_-]{" + LENGTH + "}");

    public ConnectSessionToken {
        if (value == null || !SYNTAX.matcher(value).matches()) {
            throw new IllegalArgumentException("a connect session token is " + LENGTH + " base64url characters");
        }
    }

    public static ConnectSessionToken mint(RandomGenerator random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new ConnectSessionToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The token, if the text is one (a path segment from a browser, say); nothing else is ever looked up. */
    public static Optional<ConnectSessionToken> parse(String text) {
        return text != null && SYNTAX.matcher(text).matches()
                ? Optional.of(new ConnectSessionToken(text))
                : Optional.empty();
    }

    /** SHA-256 of the token, hex: the only form in which it is used as a storage key. */
    public String fingerprint() {
        return Hashing.sha256Hex(value);
    }

    @Override
    public String toString() {
        return "ConnectSessionToken[redacted]";
    }
}
