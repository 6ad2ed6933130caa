package health.wearables.application.port.out;

import health.wearables.domain.ProjectId;
import health.wearables.domain.audit.ApiKeyId;
import health.wearables.domain.audit.AuditAction;
import health.wearables.domain.audit.AuditRecord;
import java.util.List;
import java.util.Optional;

class InMemoryAuditTrailTest extends AuditTrailContract {
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();

    @Override
    protected AuditTrail trail() {
        return trail;
    }

    @Override
    protected List<AuditAction> actionsOf(ProjectId project) {
        return trail.of(project).stream().map(AuditRecord::action).toList();
    }

    @Override
    protected List<Optional<ProjectId>> projectsOfKey(ApiKeyId key) {
        return trail.ofKey(key).stream().map(AuditRecord::project).toList();
    }
}
