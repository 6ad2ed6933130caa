package health.wearables.adapters.rest.app.config;

import health.wearables.application.port.out.BuiltInProviders;
import health.wearables.application.port.out.Retirements;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import org.eclipse.microprofile.config.Config;

/**
 * The configuration adapter's producer of the providers' retirement dates. It reads with the application, not on the
 * first request, so that a malformed {@code retires-on} stops the start and the retirement WARNs are in the start's log.
 * The dates are read against the system clock in UTC, as the use cases read them (UseCaseProducer).
 */
@ApplicationScoped
public class RetirementDatesProducer {
    @Inject
    Config config;

    @Inject
    BuiltInProviders builtInProviders;

    private MicroProfileRetirements retirements;

    @PostConstruct
    void read() {
        retirements = MicroProfileRetirements.read(
                new ConfigKeys(key -> config.getOptionalValue(key, String.class)),
                builtInProviders,
                Clock.systemUTC().instant());
    }

    /** Reads with the application, not on the first request. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        // Nothing else to do: to deliver the event the container creates this bean, and its @PostConstruct reads.
    }

    @Produces
    @ApplicationScoped
    Retirements retirements() {
        return retirements;
    }
}
