package health.wearables.domain;

/**
 * The token we gave a provider with its subscription ({@code wearables.providers.<slug>.webhook-verify-token}): it
 * comes back in the subscription challenge, and for providers that do not sign their notifications it is part of the
 * callback URL and the only proof that a notification comes from whoever was given that URL. So it is a secret.
 */
public record VerifyToken(String value) {
    public VerifyToken {
        Syntax.require(value, Syntax.VISIBLE_ASCII, 512, "webhook verify token");
    }

    @Override
    public String toString() {
        return Redacted.of("VerifyToken");
    }
}
