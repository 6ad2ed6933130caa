package health.wearables.adapters.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.AuditTrail;
import health.wearables.application.port.out.AuditTrailContract;
import health.wearables.application.port.out.Samples;
import health.wearables.domain.ApiKey;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.ProjectId;
import health.wearables.domain.audit.ApiKeyId;
import health.wearables.domain.audit.AuditAction;
import health.wearables.domain.audit.AuditRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit trail as the server writes it, queued in front of the FHIR store: the port's contract (read once what was
 * queued is written), and records gathered into transactions of many all reach the store, also those still queued
 * when it is closed.
 */
class QueuedFhirAuditTrailTest extends AuditTrailContract {
    private static final Instant NOW = Instant.parse("2026-12-01T04:00:00Z");
    private static final Duration WRITTEN_WITHIN = Duration.ofSeconds(30);

    private static FhirAuditTrail store;
    private static QueuedAuditTrail trail;

    @BeforeAll
    static void start() {
        store = new FhirAuditTrail(SharedFhirStore.get());
        trail = QueuedAuditTrail.of(store, 1_000);
    }

    @AfterAll
    static void stop() {
        trail.close();
    }

    @Override
    protected AuditTrail trail() {
        return trail;
    }

    @Override
    protected List<AuditAction> actionsOf(ProjectId project) {
        flushed(trail);
        return FhirAuditTrailTest.ofProject(project).stream()
                .map(FhirAuditTrailTest::action)
                .toList();
    }

    @Override
    protected List<Optional<ProjectId>> projectsOfKey(ApiKeyId key) {
        flushed(trail);
        return FhirAuditTrailTest.projectsOfKeyInStore(key);
    }

    private static void flushed(QueuedAuditTrail queued) {
        try {
            queued.flush(WRITTEN_WITHIN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void many_records_at_once_are_all_written_in_their_transactions_of_many() {
        ConnectionKey key = Samples.connectionKey();
        int records = QueuedAuditTrail.BATCH + 7; // more than one transaction holds

        for (int i = 0; i < records; i++) {
            trail.record(AuditRecord.tokenRefreshed(key, NOW.plusMillis(i)));
        }

        assertThat(actionsOf(key.project())).hasSize(records).containsOnly(AuditAction.TOKEN_REFRESHED);
    }

    @Test
    void what_is_still_queued_when_the_trail_closes_is_written_before_it_closes() {
        ConnectionKey key = Samples.connectionKey();
        QueuedAuditTrail closing = QueuedAuditTrail.of(store, 1_000);

        for (int i = 0; i < 30; i++) {
            closing.record(AuditRecord.syncOfNoConnection(
                    key.project(), ApiKeyId.of(new ApiKey(Samples.unique("queued-key"))), NOW));
        }
        closing.close();

        assertThat(FhirAuditTrailTest.ofProject(key.project())).hasSize(30);
        closing.record(AuditRecord.tokenRefreshed(key, NOW)); // after close: written by its caller
        assertThat(FhirAuditTrailTest.ofProject(key.project())).hasSize(31);
    }
}
