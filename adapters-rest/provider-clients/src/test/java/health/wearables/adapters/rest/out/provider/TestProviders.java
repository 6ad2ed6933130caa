package health.wearables.adapters.rest.out.provider;

import health.wearables.domain.AuthorizationCode;
import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.ClientSecret;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.IssuerPolicy;
import health.wearables.domain.OAuthVersion;
import health.wearables.domain.Pkce;
import health.wearables.domain.PkceVerifier;
import health.wearables.domain.ProviderClient;
import health.wearables.domain.ProviderEndpoints;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.ScopePolicy;
import health.wearables.domain.StateToken;
import java.net.URI;
import java.util.List;

/** Provider configurations and OAuth values shared by the provider client tests; every secret is recognisable. */
final class TestProviders {
    static final String SLUG = "acme-fit";
    static final String CLIENT_ID = "gateway-client";
    static final String CLIENT_SECRET = "client-secret-7f3a-DO-NOT-LOG";
    static final List<String> SCOPES = List.of("activity", "heartrate", "sleep");
    static final URI REDIRECT_URI = URI.create("https://gateway.example.com/v1/wearables/acme-fit/callback");
    static final AuthorizationCode CODE = new AuthorizationCode("code-9c1e-DO-NOT-LOG");
    static final PkceVerifier VERIFIER = new PkceVerifier("verifier-DO-NOT-LOG-dBjftJeZ4CVP-mB92K27uhbUJU1p1r");
    static final StateToken STATE = new StateToken("state-DO-NOT-LOG-0123456789abcdefghijklmnop");

    private TestProviders() {}

    static ConfiguredProvider provider(URI authorizationUri, URI tokenUri, ClientAuthentication authentication) {
        return provider(authorizationUri, tokenUri, authentication, CLIENT_ID, CLIENT_SECRET);
    }

    static ConfiguredProvider provider(
            URI authorizationUri,
            URI tokenUri,
            ClientAuthentication authentication,
            String clientId,
            String clientSecret) {
        return provider(authorizationUri, tokenUri, authentication, clientId, clientSecret, SCOPES);
    }

    static ConfiguredProvider provider(
            URI authorizationUri,
            URI tokenUri,
            ClientAuthentication authentication,
            String clientId,
            String clientSecret,
            List<String> scopes) {
        return new ConfiguredProvider(
                new ProviderSlug(SLUG),
                "Acme Fit",
                OAuthVersion.OAUTH_2_0,
                ProviderEndpoints.oauth2(authorizationUri, tokenUri, URI.create("https://api.acme-fit.example")),
                new ProviderClient(clientId, new ClientSecret(clientSecret), authentication),
                ScopePolicy.requesting(scopes),
                Pkce.S256,
                IssuerPolicy.none());
    }

    /** A provider whose token endpoint is the simulator's; the authorization URL is never called. */
    static ConfiguredProvider simulated(ProviderSimulator simulator, ClientAuthentication authentication) {
        return provider(URI.create("https://acme-fit.example/oauth2/authorize"), simulator.tokenUri(), authentication);
    }
}
