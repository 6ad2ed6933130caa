package health.wearables.adapters.rest.app;

import health.wearables.application.port.in.RetireConnections;
import health.wearables.application.port.out.ConnectionEnding;
import health.wearables.application.port.out.Retirements;
import health.wearables.application.port.out.StoredCredentials;
import health.wearables.application.service.Reporting;
import health.wearables.application.service.RetireConnectionsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The retirement pass, built from the ports: a producer of its own beside {@link UseCaseProducer}, so that the
 * retirement work does not touch the shared wiring. The background work injects {@link RetireConnections} and calls
 * {@link RetireConnections#retireDue()} on its schedule; one instance is enough, as the pass remembers which providers it
 * has swept. The clock is the system's in UTC, as UseCaseProducer's.
 */
@ApplicationScoped
public class RetirementProducer {

    @Produces
    @ApplicationScoped
    RetireConnections retireConnections(
            Retirements retirements, StoredCredentials stored, ConnectionEnding ending, Reporting reporting) {
        return new RetireConnectionsService(retirements, stored, ending, Clock.systemUTC(), reporting);
    }
}
