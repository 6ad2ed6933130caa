package health.wearables.domain;

/** An {@code oauth_token_secret}: the shared secret of temporary or token credentials (RFC 5849 §2.1, §2.3). */
public record Oauth1TokenSecret(String value) {
    public Oauth1TokenSecret {
        Syntax.require(value, Syntax.VISIBLE_ASCII, Syntax.OAUTH1_MAX_LENGTH, "oauth_token_secret");
    }

    @Override
    public String toString() {
        return Redacted.of("Oauth1TokenSecret");
    }
}
