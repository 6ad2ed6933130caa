package health.wearables.domain;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A built-in provider's documented OAuth 2.0 settings, for configuration defaults: only the client id and secret are
 * then the operator's to give.
 *
 * @param description one line for operators, including any end of life
 */
public record ProviderDefaults(
        String slug,
        String displayName,
        String description,
        URI authorizationUri,
        URI tokenUri,
        URI apiBaseUri,
        List<String> scopes,
        boolean pkce,
        ClientAuthentication clientAuthentication) {

    public ProviderDefaults {
        scopes = List.copyOf(scopes);
    }

    /** A provider configuration with these defaults and the operator's client credentials. */
    public ProviderConfig configuration(String clientId, ClientSecret clientSecret) {
        return new ProviderConfig(new ProviderSlug(slug), displayName, OAuthVersion.OAUTH_2_0, authorizationUri,
                tokenUri, clientId, clientSecret, scopes, pkce, clientAuthentication, Optional.empty(), false,
                apiBaseUri);
    }
}
