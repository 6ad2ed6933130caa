package health.wearables.adapters.rest.in.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Alive while the application answers; readiness (Redis, FHIR store) is checked by the adapters. */
@org.eclipse.microprofile.health.Liveness
@ApplicationScoped
public class GatewayLiveness implements HealthCheck {
    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("gateway");
    }
}
