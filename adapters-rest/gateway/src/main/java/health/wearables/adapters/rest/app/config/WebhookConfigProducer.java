package health.wearables.adapters.rest.app.config;

import health.wearables.application.port.out.ConfiguredWebhooks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/** The providers' webhook settings from MicroProfile Config, read once; apart from {@link ConfigProducer}'s reading. */
@ApplicationScoped
public class WebhookConfigProducer {

    @Inject
    Config config;

    @Produces
    @ApplicationScoped
    ConfiguredWebhooks configuredWebhooks() {
        return MicroProfileConfiguredWebhooks.read(new ConfigKeys(key -> config.getOptionalValue(key, String.class)));
    }
}
