package health.wearables.application.port.out;

import health.wearables.domain.ApiKey;
import health.wearables.domain.Project;
import health.wearables.domain.ProjectId;
import java.util.Optional;

/** The configured projects (tenants). */
public interface ProjectDirectory {

    Optional<Project> find(ProjectId id);

    /** The project whose API key this is, by hash comparison in constant time. */
    Optional<Project> authenticate(ApiKey key);
}
