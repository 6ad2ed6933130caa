package health.wearables.adapters.rest.app.config;

import health.wearables.application.port.out.ProjectWebhooks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/** The projects' webhook receivers, read from MicroProfile Config at start. */
@ApplicationScoped
public class ProjectWebhooksProducer {

    @Inject
    Config config;

    @Produces
    @ApplicationScoped
    ProjectWebhooks projectWebhooks() {
        return MicroProfileProjectWebhooks.read(new ConfigKeys(key -> config.getOptionalValue(key, String.class)));
    }
}
