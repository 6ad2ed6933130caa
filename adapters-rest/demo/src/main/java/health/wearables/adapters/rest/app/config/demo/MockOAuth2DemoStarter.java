package health.wearables.adapters.rest.app.config.demo;

import health.wearables.adapters.rest.app.config.DemoMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo mode's starter in the demo WAR: the demo provider is mock-oauth2-server, run in this process, and its data API
 * is served by this WAR under the gateway's base URL ({@code wearables.public-base-url}).
 */
@ApplicationScoped
public class MockOAuth2DemoStarter implements DemoMode.Starter {

    @Inject
    @ConfigProperty(name = "wearables.public-base-url", defaultValue = "http://localhost:9080")
    String gatewayBaseUrl;

    @Override
    public DemoMode start(int port, Optional<String> apiKey) {
        return DemoEnvironment.start(port, apiKey, URI.create(gatewayBaseUrl));
    }
}
