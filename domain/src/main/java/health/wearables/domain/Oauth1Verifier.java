package health.wearables.domain;

/** An {@code oauth_verifier}: the verification code the provider hands back through the patient (RFC 5849 §2.2). */
public record Oauth1Verifier(String value) {
    public Oauth1Verifier {
        Syntax.require(value, Syntax.VISIBLE_ASCII, Syntax.OAUTH1_MAX_LENGTH, "oauth_verifier");
    }

    @Override
    public String toString() {
        return Redacted.of("Oauth1Verifier");
    }
}
