package health.wearables.application.service;

import health.wearables.application.port.in.AuthenticateProject;
import health.wearables.application.port.out.AuditTrail;
import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.domain.ApiKey;
import health.wearables.domain.ProjectId;
import health.wearables.domain.Step;
import java.time.Clock;
import java.util.Optional;

/** authenticate: the project whose API key this is, compared by hash in constant time. */
public final class AuthenticateProjectService implements AuthenticateProject {
    private final ProjectDirectory projects;
    private final Clock clock;
    private final AuditTrail audits;

    /** @param audits where a refused key is written down ({@code api-key-refused}) */
    public AuthenticateProjectService(ProjectDirectory projects, Clock clock, AuditTrail audits) {
        this.projects = projects;
        this.clock = clock;
        this.audits = audits;
    }

    @Override
    public Step<ProjectId> authenticate(Optional<ApiKey> apiKey) {
        return Authentication.of(projects, apiKey, audits, clock).then(project -> Step.ok(project.id()));
    }
}
