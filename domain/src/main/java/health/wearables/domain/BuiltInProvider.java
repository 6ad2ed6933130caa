package health.wearables.domain;

import health.wearables.domain.lifecycle.Retirement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider the gateway ships with, as its documentation describes it: the defaults of its configuration, so that only
 * the client id and secret are the operator's to give. A provider whose endpoints include a request-token URL speaks
 * OAuth 1.0a.
 *
 * @param description one line for operators, including any end of life
 * @param scopes      the scopes asked for by default
 * @param retirement  the day the provider stops serving this API, where it has announced one, with the built-in
 *     provider that replaces it: the default of {@code wearables.providers.<slug>.retires-on}, so that a gateway
 *     nobody reconfigures still stops connecting to an API that is gone and names where to go instead
 */
public record BuiltInProvider(
        String slug,
        String displayName,
        String description,
        ProviderEndpoints endpoints,
        List<String> scopes,
        Pkce pkce,
        ClientAuthentication clientAuthentication,
        Optional<Retirement> retirement) {

    public BuiltInProvider {
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(pkce, "PKCE");
        Objects.requireNonNull(clientAuthentication, "client authentication");
        Objects.requireNonNull(retirement, "retirement");
    }

    public OAuthVersion oauthVersion() {
        return endpoints.requestToken().isPresent() ? OAuthVersion.OAUTH_1_0A : OAuthVersion.OAUTH_2_0;
    }

    /** The provider configured with these defaults and the operator's client credentials, no issuer check. */
    public ConfiguredProvider configured(String clientId, ClientSecret clientSecret) {
        return new ConfiguredProvider(
                new ProviderSlug(slug),
                displayName,
                oauthVersion(),
                endpoints,
                new ProviderClient(clientId, clientSecret, clientAuthentication),
                ScopePolicy.requesting(scopes),
                pkce,
                IssuerPolicy.none());
    }
}
