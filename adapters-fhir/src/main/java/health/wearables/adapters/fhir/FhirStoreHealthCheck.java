package health.wearables.adapters.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the FHIR store's database answers. */
@Readiness
@ApplicationScoped
public class FhirStoreHealthCheck implements HealthCheck {
    @Inject
    FhirProducer fhir;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = fhir.store().bean(DataSource.class).getConnection()) {
            return HealthCheckResponse.named("fhir-store")
                    .status(connection.isValid(2))
                    .build();
        } catch (Exception e) {
            return HealthCheckResponse.named("fhir-store").down().build();
        }
    }
}
