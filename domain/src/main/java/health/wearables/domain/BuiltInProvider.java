package health.wearables.domain;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A built-in provider's documented OAuth settings, for configuration defaults: only the client id and secret are
 * then the operator's to give. A provider with a request-token URL speaks OAuth 1.0a (then {@code tokenUri} is its
 * access-token URL).
 *
 * @param description     one line for operators, including any end of life
 * @param requestTokenUri OAuth 1.0a only: where temporary credentials are requested (RFC 5849 §2.1)
 * @param retiresOn       the day the provider stops serving this API, where it has announced one
 */
public record BuiltInProvider(
        String slug,
        String displayName,
        String description,
        URI authorizationUri,
        URI tokenUri,
        URI apiBaseUri,
        List<String> scopes,
        boolean pkce,
        ClientAuthentication clientAuthentication,
        Optional<URI> requestTokenUri,
        Optional<LocalDate> retiresOn) {

    public BuiltInProvider {
        scopes = List.copyOf(scopes);
    }

    /** An OAuth 2.0 provider with no announced end. */
    public BuiltInProvider(String slug, String displayName, String description, URI authorizationUri, URI tokenUri,
                            URI apiBaseUri, List<String> scopes, boolean pkce,
                            ClientAuthentication clientAuthentication) {
        this(slug, displayName, description, authorizationUri, tokenUri, apiBaseUri, scopes, pkce,
                clientAuthentication, Optional.empty(), Optional.empty());
    }

    public OAuthVersion oauthVersion() {
        return requestTokenUri.isPresent() ? OAuthVersion.OAUTH_1_0A : OAuthVersion.OAUTH_2_0;
    }

    /** A provider configuration with these defaults and the operator's client credentials. */
    public ConfiguredProvider configuration(String clientId, ClientSecret clientSecret) {
        return new ConfiguredProvider(new ProviderSlug(slug), displayName, oauthVersion(), authorizationUri,
                tokenUri, clientId, clientSecret, scopes, pkce, clientAuthentication, Optional.empty(), false,
                apiBaseUri, List.of(), requestTokenUri);
    }
}
