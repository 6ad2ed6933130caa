package health.wearables.domain.callback;

import health.wearables.domain.TokenSet;

/** What the token endpoint answered, as the outbound adapter understood it. */
public sealed interface ExchangeResult {

    /** A valid bearer token response. */
    record Exchanged(TokenSet tokens) implements ExchangeResult {
    }

    /**
     * The provider refused with an OAuth error ({@code invalid_grant}, {@code invalid_client}, …). The error code is
     * from the provider's JSON, kept for logs and for choosing the message.
     */
    record Refused(String oauthError) implements ExchangeResult {
        public boolean isInvalidGrant() {
            return "invalid_grant".equals(oauthError);
        }
    }

    /** No usable answer: transport error, timeout, 5xx, body too big, not JSON, not a bearer token response. */
    record Failed(String reason) implements ExchangeResult {
    }
}
