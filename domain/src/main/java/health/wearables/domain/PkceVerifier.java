package health.wearables.domain;

import java.util.Base64;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** RFC 7636 code verifier (43 to 128 unreserved characters); the challenge is always S256. */
public record PkceVerifier(String value) {
    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");

    public PkceVerifier {
        if (value == null || !SYNTAX.matcher(value).matches()) {
            throw new IllegalArgumentException("PKCE verifier is not 43-128 unreserved characters");
        }
    }

    public static PkceVerifier mint(RandomGenerator random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return new PkceVerifier(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** {@code BASE64URL(SHA256(ASCII(verifier)))}, RFC 7636 §4.2. */
    public String s256Challenge() {
        // The verifier is unreserved ASCII, so its UTF-8 bytes are its ASCII bytes.
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Hashing.sha256(value));
    }

    @Override
    public String toString() {
        return Redacted.of("PkceVerifier");
    }
}
