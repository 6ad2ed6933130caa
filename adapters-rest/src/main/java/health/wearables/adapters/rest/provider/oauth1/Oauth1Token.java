package health.wearables.adapters.rest.provider.oauth1;

/**
 * An {@code oauth_token}: the identifier of temporary credentials (RFC 5849 §2.1) or of token credentials (§2.3).
 * It does not print: with its secret it is a credential, and even alone it names a pending authorization.
 */
public record Oauth1Token(String value) {
    public Oauth1Token {
        Oauth1Syntax.require(value, "oauth_token");
    }

    @Override
    public String toString() {
        return Oauth1Syntax.redacted("Oauth1Token");
    }
}
