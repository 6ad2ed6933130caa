package health.wearables.application.service;

import health.wearables.application.port.in.AuthenticateProject;
import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.domain.ApiKey;
import health.wearables.domain.ProjectId;
import health.wearables.domain.Step;
import java.util.Optional;

/** authenticate: the project whose API key this is, compared by hash in constant time. */
public final class AuthenticateProjectService implements AuthenticateProject {
    private final ProjectDirectory projects;

    public AuthenticateProjectService(ProjectDirectory projects) {
        this.projects = projects;
    }

    @Override
    public Step<ProjectId> authenticate(Optional<ApiKey> apiKey) {
        return Authentication.of(projects, apiKey).then(project -> Step.ok(project.id()));
    }
}
