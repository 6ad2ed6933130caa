package health.wearables.adapters.rest.in.api;

import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.domain.ApiKey;
import health.wearables.domain.Project;
import health.wearables.domain.ProjectId;
import java.util.List;
import java.util.Optional;

/** One project, {@code acme}, with one API key: what {@code /connect} checks before it says what is wrong with a body. */
final class KnownProjects implements ProjectDirectory {
    private final Project acme;

    KnownProjects(String apiKey) {
        this.acme = new Project(new ProjectId("acme"), List.of(new ApiKey(apiKey).sha256()), List.of());
    }

    @Override
    public Optional<Project> find(ProjectId id) {
        return Optional.of(acme).filter(project -> project.id().equals(id));
    }

    @Override
    public Optional<Project> authenticate(ApiKey key) {
        return Optional.of(acme).filter(project -> project.authenticates(key));
    }
}
