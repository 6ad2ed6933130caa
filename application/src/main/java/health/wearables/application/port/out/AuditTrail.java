package health.wearables.application.port.out;

import health.wearables.domain.audit.AuditRecord;

/**
 * Where the gateway writes down who did what to which connection, and how it ended: for operators, and for the
 * owning project to read back. Nothing secret reaches it: an {@link AuditRecord} holds ids, the API key's id (never
 * the key) and codes of the gateway's own.
 *
 * <p><strong>Best effort.</strong> Auditing never fails the operation it records: an implementation whose store is
 * unavailable (or fails in any other way) logs one WARN line (naming the action, never a value of the record beyond
 * its ids) and returns; it throws nothing. The operation has happened by the time it is audited, and it goes on as
 * if the record had been written. A record is written outside of the operation's own step, so that a failed write
 * cannot undo the operation either. The use cases guard the call as well, so that a faulty implementation costs a
 * record, not a request.
 */
public interface AuditTrail {

    /** Writes the record, or logs at WARN that it could not; never throws. */
    void record(AuditRecord record);
}
