package health.wearables.adapters.rest.provider.oauth1;

/** An {@code oauth_verifier}: the verification code the provider hands back through the patient (RFC 5849 §2.2). */
public record Oauth1Verifier(String value) {
    public Oauth1Verifier {
        Oauth1Syntax.require(value, "oauth_verifier");
    }

    @Override
    public String toString() {
        return Oauth1Syntax.redacted("Oauth1Verifier");
    }
}
