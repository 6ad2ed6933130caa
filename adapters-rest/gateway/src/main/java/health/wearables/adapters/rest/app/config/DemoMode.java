package health.wearables.adapters.rest.app.config;

import health.wearables.domain.ApiKey;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.Project;
import java.util.Optional;

/**
 * What demo mode ({@code wearables.demo=true}) adds to the configuration: a project {@code demo} and a provider
 * {@code demo} whose authorization server runs in this process. Only the demo WAR ({@code adapters-rest/demo}) has an
 * implementation; the production WAR has none and refuses to start in demo mode.
 */
public interface DemoMode extends AutoCloseable {

    ApiKey apiKey();

    Project project();

    ConfiguredProvider provider();

    @Override
    void close();

    /** Starts the demo provider's authorization server on {@code port}; the key is made up when none is given. */
    interface Starter {
        DemoMode start(int port, Optional<String> apiKey);
    }
}
