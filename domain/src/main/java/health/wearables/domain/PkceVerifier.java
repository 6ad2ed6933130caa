package health.wearables.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return Redacted.of("PkceVerifier");
    }
}
