package health.wearables.adapters.rest.in.api;

import health.wearables.application.port.in.AuthenticateProject;
import health.wearables.domain.ApiKey;
import health.wearables.domain.Project;
import health.wearables.domain.ProjectId;
import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.Step;
import java.util.List;
import java.util.Optional;

/** One project, {@code acme}, with one API key: what {@code /connect} checks before it says what is wrong with a body. */
final class KnownProjects implements AuthenticateProject {
    private final Project acme;

    KnownProjects(String apiKey) {
        this.acme = new Project(new ProjectId("acme"), List.of(new ApiKey(apiKey).sha256()), List.of());
    }

    @Override
    public Step<ProjectId> authenticate(Optional<ApiKey> key) {
        return key.filter(acme::authenticates)
                .<Step<ProjectId>>map(known -> Step.ok(acme.id()))
                .orElseGet(() ->
                        Step.reject(Rejection.of(RejectionCode.UNAUTHORIZED, "A valid project API key is required.")));
    }
}
