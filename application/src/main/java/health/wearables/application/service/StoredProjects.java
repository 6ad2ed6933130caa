package health.wearables.application.service;

import health.wearables.application.port.out.StoredCredentials;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.ProjectId;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The projects that have any stored connection, found through {@link StoredCredentials#keys()}: where the passes over
 * every connection (the sync schedule, the keep-alive) start, so that no port grows for them.
 */
final class StoredProjects {
    private StoredProjects() {}

    /** @throws health.wearables.application.port.out.ConnectionStoreUnavailable when the store cannot be read */
    static Set<ProjectId> of(StoredCredentials stored) {
        Set<ProjectId> projects = new LinkedHashSet<>();
        for (ConnectionKey key : stored.keys()) {
            projects.add(key.project());
        }
        return projects;
    }
}
