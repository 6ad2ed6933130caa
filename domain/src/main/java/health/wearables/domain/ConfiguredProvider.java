package health.wearables.domain;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Everything the gateway needs to run the authorization code flow with one provider. The client secret is a
 * {@link ClientSecret}, so printing a config never prints it.
 */
public record ConfiguredProvider(
        ProviderSlug slug,
        String displayName,
        OAuthVersion oauthVersion,
        URI authorizationUri,
        URI tokenUri,
        String clientId,
        ClientSecret clientSecret,
        List<String> scopes,
        boolean pkce,
        ClientAuthentication clientAuthentication,
        Optional<String> issuer,
        boolean issuerRequired,
        URI apiBaseUri,
        List<String> requiredScopes,
        Optional<URI> requestTokenUri) {

    public ConfiguredProvider {
        scopes = List.copyOf(scopes);
        requiredScopes = List.copyOf(requiredScopes);
        if (oauthVersion == OAuthVersion.OAUTH_1_0A && requestTokenUri.isEmpty()) {
            throw new IllegalArgumentException("provider " + slug + ": OAuth 1.0a needs a request-token-url");
        }
        if (issuerRequired && issuer.isEmpty()) {
            throw new IllegalArgumentException("provider " + slug + ": require-iss needs an issuer");
        }
    }

    /** An OAuth 2.0 provider (no request-token URL). */
    public ConfiguredProvider(ProviderSlug slug, String displayName, OAuthVersion oauthVersion, URI authorizationUri,
                          URI tokenUri, String clientId, ClientSecret clientSecret, List<String> scopes, boolean pkce,
                          ClientAuthentication clientAuthentication, Optional<String> issuer, boolean issuerRequired,
                          URI apiBaseUri, List<String> requiredScopes) {
        this(slug, displayName, oauthVersion, authorizationUri, tokenUri, clientId, clientSecret, scopes, pkce,
                clientAuthentication, issuer, issuerRequired, apiBaseUri, requiredScopes, Optional.empty());
    }

    /** A provider that requires no particular scope to be granted. */
    public ConfiguredProvider(ProviderSlug slug, String displayName, OAuthVersion oauthVersion, URI authorizationUri,
                          URI tokenUri, String clientId, ClientSecret clientSecret, List<String> scopes, boolean pkce,
                          ClientAuthentication clientAuthentication, Optional<String> issuer, boolean issuerRequired,
                          URI apiBaseUri) {
        this(slug, displayName, oauthVersion, authorizationUri, tokenUri, clientId, clientSecret, scopes, pkce,
                clientAuthentication, issuer, issuerRequired, apiBaseUri, List.of());
    }

    /** The required scopes that {@code granted} lacks (HOSTILE case 21). */
    public List<String> missingScopes(List<String> granted) {
        return requiredScopes.stream().filter(required -> !granted.contains(required)).toList();
    }

    /**
     * RFC 9207: where an issuer is configured, a present {@code iss} must equal it; a missing one is refused only
     * where the provider is configured to always send it.
     */
    public boolean acceptsIssuer(Optional<String> iss) {
        if (iss.isPresent()) {
            return issuer.isEmpty() || issuer.get().equals(iss.get());
        }
        return !issuerRequired;
    }
}
