package health.wearables.application.service;

import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.domain.ApiKey;
import health.wearables.domain.Project;
import health.wearables.domain.ProjectId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Projects as configured; {@link #configure} replaces one, as a configuration change would. */
final class FakeProjectDirectory implements ProjectDirectory {
    private final Map<ProjectId, Project> projects = new LinkedHashMap<>();

    FakeProjectDirectory(Project... projects) {
        for (Project project : projects) {
            configure(project);
        }
    }

    void configure(Project project) {
        projects.put(project.id(), project);
    }

    @Override
    public Optional<Project> find(ProjectId id) {
        return Optional.ofNullable(projects.get(id));
    }

    @Override
    public Optional<Project> authenticate(ApiKey key) {
        return projects.values().stream()
                .filter(project -> project.authenticates(key))
                .findFirst();
    }
}
