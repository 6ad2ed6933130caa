package health.wearables.domain;

import java.util.function.Function;

/**
 * An {@code oauth_token}: the identifier of temporary credentials (RFC 5849 §2.1) or of token credentials (§2.3).
 * As the identifier of temporary credentials it is what the OAuth 1.0a callback carries back, so it keys the pending
 * authorization the way a state does in OAuth 2.0. It does not print: with its secret it is a credential.
 */
public record Oauth1Token(String value) implements FlowKey {
    public Oauth1Token {
        Syntax.require(value, Syntax.VISIBLE_ASCII, Syntax.OAUTH1_MAX_LENGTH, "oauth_token");
    }

    @Override
    public String namespace() {
        return "oauth1-token";
    }

    @Override
    public String fingerprint() {
        return Hashing.sha256Hex(value);
    }

    @Override
    public <R> R fold(Function<? super StateToken, R> onState, Function<? super Oauth1Token, R> onTemporaryToken) {
        return onTemporaryToken.apply(this);
    }

    @Override
    public String toString() {
        return Redacted.of("Oauth1Token");
    }
}
