package health.wearables.adapters.fhir;

import health.wearables.domain.audit.AuditRecord;
import java.util.List;

/** Where {@link QueuedAuditTrail} writes: one record, or several at once. Best effort: neither throws. */
interface AuditWrites {

    /** Writes the record, or logs at WARN that it could not. */
    void write(AuditRecord record);

    /** Writes the records, in their order, or logs at WARN each one it could not. */
    void writeAll(List<AuditRecord> records);
}
