package health.wearables.adapters.rest.provider.oauth1;

/** An {@code oauth_token_secret}: the shared secret of temporary or token credentials (RFC 5849 §2.1, §2.3). */
public record Oauth1TokenSecret(String value) {
    public Oauth1TokenSecret {
        Oauth1Syntax.require(value, "oauth_token_secret");
    }

    @Override
    public String toString() {
        return Oauth1Syntax.redacted("Oauth1TokenSecret");
    }
}
