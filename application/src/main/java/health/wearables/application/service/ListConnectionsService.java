package health.wearables.application.service;

import health.wearables.application.port.in.ListConnections;
import health.wearables.application.port.out.ConnectionStore;
import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.domain.ApiKey;
import health.wearables.domain.PatientId;
import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.Step;
import health.wearables.domain.StoredConnection;
import java.util.List;
import java.util.Optional;

/** authenticate → the project's own connections. */
public final class ListConnectionsService implements ListConnections {
    private final ProjectDirectory projects;
    private final ConnectionStore connections;

    public ListConnectionsService(ProjectDirectory projects, ConnectionStore connections) {
        this.projects = projects;
        this.connections = connections;
    }

    @Override
    public Step<List<StoredConnection>> list(Optional<ApiKey> apiKey, Optional<String> patientId) {
        return Authentication.of(projects, apiKey)
                .then(project -> patient(patientId).then(patient -> Step.ok(connections.list(project.id(), patient))));
    }

    private static Step<Optional<PatientId>> patient(Optional<String> patientId) {
        try {
            return Step.ok(patientId.map(PatientId::new));
        } catch (IllegalArgumentException e) {
            return Step.reject(Rejection.of(RejectionCode.VALIDATION_FAILED,
                    "patientId must be 1-64 characters of A-Z, a-z, 0-9, '-' and '.'."));
        }
    }
}
