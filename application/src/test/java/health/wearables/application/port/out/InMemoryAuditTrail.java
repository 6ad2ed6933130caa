package health.wearables.application.port.out;

import health.wearables.domain.ProjectId;
import health.wearables.domain.audit.ApiKeyId;
import health.wearables.domain.audit.AuditAction;
import health.wearables.domain.audit.AuditRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The audit trail in a list, in the order written. {@link #unavailable()} makes every write fail as a store that is
 * down would, except that the fake throws (a real trail logs and returns): it proves the use cases' own guard.
 */
public final class InMemoryAuditTrail implements AuditTrail {
    private final List<AuditRecord> records = new ArrayList<>();
    private boolean unavailable;

    @Override
    public synchronized void record(AuditRecord record) {
        if (unavailable) {
            throw new IllegalStateException("audit trail unavailable (test)");
        }
        records.add(record);
    }

    /** From now on every write fails. */
    public synchronized InMemoryAuditTrail unavailable() {
        unavailable = true;
        return this;
    }

    public synchronized List<AuditRecord> records() {
        return List.copyOf(records);
    }

    public synchronized List<AuditRecord> of(ProjectId project) {
        return records.stream()
                .filter(record -> record.project().equals(Optional.of(project)))
                .toList();
    }

    public synchronized List<AuditRecord> ofKey(ApiKeyId key) {
        return records.stream()
                .filter(record -> record.apiKeyId().equals(Optional.of(key)))
                .toList();
    }

    public synchronized List<AuditAction> actions() {
        return records.stream().map(AuditRecord::action).toList();
    }
}
