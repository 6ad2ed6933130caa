package health.wearables.adapters.rest.app.config.demo;

import health.wearables.adapters.rest.app.config.DemoMode;
import health.wearables.domain.ApiKey;
import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.ClientSecret;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.IssuerPolicy;
import health.wearables.domain.OAuthVersion;
import health.wearables.domain.Pkce;
import health.wearables.domain.Project;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderClient;
import health.wearables.domain.ProviderEndpoints;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.ReturnUrl;
import health.wearables.domain.ScopePolicy;
import java.net.InetAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

/**
 * Demo mode ({@code wearables.demo=true}) only: a project {@code demo} with an API key made at start, and a provider
 * {@code demo} that is a real OAuth 2.0 authorization server running in this process (with a login page), so a
 * newcomer can connect a patient without any vendor account. The provider's data API is the demo WAR's own
 * {@link DemoProviderResource}, under {@code /demo-provider} of the gateway's base URL.
 */
final class DemoEnvironment implements DemoMode {
    static final String ISSUER = "demo";

    private final MockOAuth2Server server;
    private final ApiKey apiKey;
    private final int port;
    private final URI dataApi;
    private final String gatewayBase;

    private DemoEnvironment(MockOAuth2Server server, ApiKey apiKey, int port, URI dataApi, String gatewayBase) {
        this.server = server;
        this.apiKey = apiKey;
        this.port = port;
        this.dataApi = dataApi;
        this.gatewayBase = gatewayBase;
    }

    /** The demo provider's authorization server on {@code port}; its data API under the gateway's base URL. */
    static DemoEnvironment start(int port, Optional<String> configuredApiKey, URI gatewayBaseUrl) {
        MockOAuth2Server server = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\": true}"));
        server.start(InetAddress.getLoopbackAddress(), port);
        ApiKey key = new ApiKey(configuredApiKey.orElseGet(DemoEnvironment::randomKey));
        String base = gatewayBaseUrl.toString().replaceAll("/+$", "");
        return new DemoEnvironment(server, key, port, URI.create(base + "/demo-provider"), base);
    }

    private static String randomKey() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return "demo_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public ApiKey apiKey() {
        return apiKey;
    }

    /**
     * The demo project: its patients may be sent back to the gateway itself (the demo dashboard, at the gateway's base
     * URL, whatever its port), to {@code http://localhost:9080/} and to the demo provider's own address.
     */
    @Override
    public Project project() {
        return new Project(new ProjectId("demo"), List.of(apiKey.sha256()), returnUrls(gatewayBase, port));
    }

    /** The return prefixes, the gateway's own only when it may be one (https, or http on a loopback host). */
    static List<ReturnUrl> returnUrls(String gatewayBase, int providerPort) {
        List<ReturnUrl> prefixes = new ArrayList<>();
        prefixes.add(ReturnUrl.parse("http://localhost:9080/"));
        if (!gatewayBase.equals("http://localhost:9080")) {
            try {
                prefixes.add(ReturnUrl.parse(gatewayBase + "/"));
            } catch (IllegalArgumentException notAReturnUrl) {
                // e.g. plain http on a non-loopback host: the dashboard's way back is then not offered
            }
        }
        prefixes.add(ReturnUrl.parse("http://localhost:" + providerPort + "/"));
        return List.copyOf(prefixes);
    }

    @Override
    public ConfiguredProvider provider() {
        return new ConfiguredProvider(
                new ProviderSlug("demo"),
                "Demo wearable (in-process OAuth 2.0 server)",
                OAuthVersion.OAUTH_2_0,
                ProviderEndpoints.oauth2(
                        URI.create(server.authorizationEndpointUrl(ISSUER).toString()),
                        URI.create(server.tokenEndpointUrl(ISSUER).toString()),
                        dataApi),
                new ProviderClient("demo-client", new ClientSecret("demo-client-secret"), ClientAuthentication.BASIC),
                ScopePolicy.requesting(List.of("openid", "offline_access")),
                Pkce.S256,
                IssuerPolicy.none());
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
