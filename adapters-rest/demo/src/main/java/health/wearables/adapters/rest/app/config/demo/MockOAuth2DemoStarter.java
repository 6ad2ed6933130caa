package health.wearables.adapters.rest.app.config.demo;

import health.wearables.adapters.rest.app.config.DemoMode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Demo mode's starter in the demo WAR: the demo provider is mock-oauth2-server, run in this process. */
@ApplicationScoped
public class MockOAuth2DemoStarter implements DemoMode.Starter {

    @Override
    public DemoMode start(int port, Optional<String> apiKey) {
        return DemoEnvironment.start(port, apiKey);
    }
}
