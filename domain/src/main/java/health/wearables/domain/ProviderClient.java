package health.wearables.domain;

import java.util.Objects;

/**
 * The gateway's client at a provider: the client id (OAuth 1.0a: the consumer key), the secret, which never prints,
 * and how the client authenticates at the token endpoint.
 */
public record ProviderClient(String id, ClientSecret secret, ClientAuthentication authentication) {

    public ProviderClient {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("client id is missing");
        }
        Objects.requireNonNull(secret, "client secret");
        Objects.requireNonNull(authentication, "client authentication");
    }
}
