package health.wearables.adapters.rest.app.config.demo;

import health.wearables.adapters.rest.app.config.DemoMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo mode's starter in the demo WAR: the demo provider is mock-oauth2-server, run in this process, and its data API
 * is served by this WAR under the gateway's base URL ({@code wearables.public-base-url}). The demo dashboard asks it
 * for the running demo environment (its project's API key), which never leaves the server.
 */
@ApplicationScoped
public class MockOAuth2DemoStarter implements DemoMode.Starter {

    @Inject
    @ConfigProperty(name = "wearables.public-base-url", defaultValue = "http://localhost:9080")
    String gatewayBaseUrl;

    private volatile DemoMode running;

    @Override
    public DemoMode start(int port, Optional<String> apiKey) {
        DemoMode started = DemoEnvironment.start(port, apiKey, URI.create(gatewayBaseUrl));
        running = started;
        return started;
    }

    /**
     * The demo environment this starter started, if demo mode is on: the configuration starts it with the application
     * (before any request), so a page that finds none is not in demo mode.
     */
    public Optional<DemoMode> running() {
        return Optional.ofNullable(running);
    }
}
