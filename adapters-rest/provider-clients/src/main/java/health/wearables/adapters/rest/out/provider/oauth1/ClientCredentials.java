package health.wearables.adapters.rest.out.provider.oauth1;

import health.wearables.domain.ClientSecret;
import java.util.Objects;

/**
 * Our client credentials at an OAuth 1.0a provider (RFC 5849 §1.1): the consumer key, which is public and travels
 * in every request, and the consumer secret, which only keys the signature and prints redacted.
 */
public record ClientCredentials(String key, ClientSecret secret) {
    public ClientCredentials {
        Oauth1Syntax.require(key, "oauth_consumer_key");
        Objects.requireNonNull(secret, "consumer secret");
    }
}
