package health.wearables.application.service;

import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.domain.ApiKey;
import health.wearables.domain.Project;
import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.Step;
import java.util.Optional;

/** The first step of every project call: the API key decides the project. */
final class Authentication {
    private Authentication() {}

    static Step<Project> of(ProjectDirectory projects, Optional<ApiKey> key) {
        return key.flatMap(projects::authenticate)
                .map(Step::ok)
                .orElseGet(() ->
                        Step.reject(Rejection.of(RejectionCode.UNAUTHORIZED, "A valid project API key is required.")));
    }
}
