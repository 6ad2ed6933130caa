package health.wearables.adapters.fhir;

import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import health.wearables.application.port.out.AuditTrail;
import health.wearables.domain.audit.AuditRecord;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.lang.System.Logger.Level;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail as R4 {@code AuditEvent}s in the FHIR store ({@link AuditEventMapping}): one DAO create per record,
 * nothing read, in a transaction of its own (a step in progress is suspended, so that a record that fails cannot roll
 * the step back, nor the step the record); several records at once share one transaction, and if it fails each is
 * written alone, so that one bad record costs only itself. Best effort, as the port promises: a write that fails is one
 * WARN line with the action and the kinds of failure, never a value of the record, and the operation goes on. The
 * server writes through a {@link QueuedAuditTrail} in front of it, off the request's thread.
 */
public final class FhirAuditTrail implements AuditTrail, AuditWrites {
    private static final System.Logger LOG = System.getLogger(FhirAuditTrail.class.getName());

    private final IFhirResourceDao<AuditEvent> auditEvents;
    private final EntityManager entityManager;
    private final TransactionTemplate ownTransaction;
    private final ReferenceTargets targets;

    public FhirAuditTrail(EmbeddedFhirStore store) {
        this.auditEvents = store.auditEvents();
        this.targets = new ReferenceTargets(store);
        this.entityManager = store.entityManager();
        this.ownTransaction = new TransactionTemplate(store.transactions());
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void record(AuditRecord record) {
        write(record);
    }

    @Override
    public void write(AuditRecord record) {
        try {
            AuditEvent event = AuditEventMapping.of(record);
            ownTransaction.executeWithoutResult(status -> created(List.of(event)));
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "audit record {0} not written: the FHIR store failed ({1})",
                    record.action().code(),
                    StoreFailures.kinds(e));
        }
    }

    @Override
    public void writeAll(List<AuditRecord> records) {
        if (records.size() == 1) {
            write(records.get(0));
            return;
        }
        try {
            List<AuditEvent> events =
                    records.stream().map(AuditEventMapping::of).toList();
            ownTransaction.executeWithoutResult(status -> {
                // As HAPI does for a transaction Bundle (TransactionProcessor): no flush before each query a create
                // makes (its reference and tag look-ups). With Hibernate's default, every one of them flushed all the
                // records written so far in the batch, again: 75 % of the audit writer's time under load, measured
                // with JFR. The batch is flushed once, at commit; no create reads what another wrote.
                entityManager.setFlushMode(FlushModeType.COMMIT);
                created(events);
            });
        } catch (RuntimeException e) {
            // One transaction for all failed: each alone, so that only what really cannot be written is lost
            records.forEach(this::write);
        }
    }

    /**
     * Creates {@code events} in the transaction in progress, with one TransactionDetails for them all, as for a
     * Bundle: the targets of their references (Patient, Endpoint) are looked up once for all ({@link
     * ReferenceTargets}: per reference, in each create, they were 7 % of the gateway's CPU during the callback step
     * under load, measured with JFR), and a tag they meet first (a new patient's, a new project's) is made once and
     * used by every record that carries it.
     */
    private void created(List<AuditEvent> events) {
        TransactionDetails batch = new TransactionDetails();
        targets.resolveInto(events, batch);
        for (AuditEvent event : events) {
            auditEvents.create(event, null, true, new SystemRequestDetails(), batch);
        }
    }
}
