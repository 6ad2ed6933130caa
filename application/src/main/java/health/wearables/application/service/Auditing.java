package health.wearables.application.service;

import health.wearables.application.port.out.AuditTrail;
import health.wearables.domain.audit.AuditRecord;
import java.lang.System.Logger.Level;

/** The use cases' side of {@link AuditTrail}'s promise: a record that cannot be written never fails the operation. */
final class Auditing {
    private static final System.Logger LOG = System.getLogger(Auditing.class.getName());

    private Auditing() {}

    static void record(AuditTrail trail, AuditRecord record) {
        try {
            trail.record(record);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "audit record {0} not written ({1})",
                    record.action().code(),
                    e.getClass().getSimpleName());
        }
    }
}
