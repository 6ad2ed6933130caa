package health.wearables.application.service;

import health.wearables.application.port.out.AuditTrail;
import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.domain.ApiKey;
import health.wearables.domain.Project;
import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.Step;
import health.wearables.domain.audit.ApiKeyId;
import health.wearables.domain.audit.AuditRecord;
import java.time.Clock;
import java.util.Optional;

/**
 * The first step of every project call: the API key decides the project. A call without a key, or with one that
 * matches no project, is audited ({@code api-key-refused}) with the key's id only, and no project: it matched none.
 */
final class Authentication {
    private Authentication() {}

    static Step<Project> of(ProjectDirectory projects, Optional<ApiKey> key, AuditTrail audits, Clock clock) {
        Optional<Project> project = key.flatMap(projects::authenticate);
        if (project.isEmpty()) {
            Auditing.record(audits, AuditRecord.apiKeyRefused(key.map(ApiKeyId::of), clock.instant()));
            return Step.reject(Rejection.of(RejectionCode.UNAUTHORIZED, "A valid project API key is required."));
        }
        return Step.ok(project.get());
    }
}
