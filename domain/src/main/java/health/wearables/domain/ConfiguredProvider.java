package health.wearables.domain;

import java.util.Objects;

/**
 * A provider as this gateway is configured to use it: everything the authorization flow needs, as named parts. The
 * client secret is a {@link ClientSecret}, so printing a configured provider never prints it.
 *
 * @param endpoints where the provider is reached
 * @param client    our client there: id, secret, how it authenticates
 * @param scopes    what is asked for, and what must be granted
 * @param pkce      whether the code flow uses PKCE
 * @param issuer    how the callback's {@code iss} is checked (RFC 9207)
 */
public record ConfiguredProvider(
        ProviderSlug slug,
        String displayName,
        OAuthVersion oauthVersion,
        ProviderEndpoints endpoints,
        ProviderClient client,
        ScopePolicy scopes,
        Pkce pkce,
        IssuerPolicy issuer) {

    public ConfiguredProvider {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(displayName, "display name");
        Objects.requireNonNull(oauthVersion, "OAuth version");
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(pkce, "PKCE");
        Objects.requireNonNull(issuer, "issuer policy");
        if (oauthVersion == OAuthVersion.OAUTH_1_0A && endpoints.requestToken().isEmpty()) {
            throw new IllegalArgumentException("provider " + slug + ": OAuth 1.0a needs a request-token-url");
        }
    }
}
