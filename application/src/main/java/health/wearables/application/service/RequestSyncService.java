package health.wearables.application.service;

import health.wearables.application.port.in.RequestSync;
import health.wearables.application.port.in.Unavailable;
import health.wearables.application.port.out.AuditTrail;
import health.wearables.application.port.out.ConnectionStore;
import health.wearables.application.port.out.ConnectionStoreUnavailable;
import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.application.port.out.SyncQueue;
import health.wearables.application.port.out.SyncQueueUnavailable;
import health.wearables.domain.ApiKey;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.ConnectionStatus;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.Step;
import health.wearables.domain.StoredConnection;
import health.wearables.domain.SyncJob;
import health.wearables.domain.audit.ApiKeyId;
import health.wearables.domain.audit.AuditRecord;
import health.wearables.domain.sync.JobId;
import java.time.Clock;
import java.util.Optional;

/**
 * authenticate → the project's own connection of this patient and provider → active? → a job on the queue → its id.
 * A provider slug or patient id that cannot name a connection finds none; nothing the request sent is echoed. Every
 * request by a valid key is audited ({@code sync-requested}: queued, not active, not found), after the job is queued.
 */
public final class RequestSyncService implements RequestSync {
    private final ProjectDirectory projects;
    private final ConnectionStore connections;
    private final SyncQueue queue;
    private final Clock clock;
    private final AuditTrail audits;

    public RequestSyncService(
            ProjectDirectory projects, ConnectionStore connections, SyncQueue queue, Clock clock, AuditTrail audits) {
        this.audits = audits;
        this.projects = projects;
        this.connections = connections;
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    public Step<Requested> request(Optional<ApiKey> apiKey, String provider, String patientId) {
        return Authentication.of(projects, apiKey, audits, clock)
                .then(project -> Step.ok(requested(
                        project.id(),
                        ApiKeyId.of(apiKey.orElseThrow()),
                        key(project.id(), provider, patientId).flatMap(this::stored))));
    }

    private Requested requested(ProjectId project, ApiKeyId by, Optional<StoredConnection> connection) {
        if (connection.isEmpty()) {
            Auditing.record(audits, AuditRecord.syncOfNoConnection(project, by, clock.instant()));
            return new ConnectionNotFound();
        }
        StoredConnection found = connection.get();
        if (found.status() != ConnectionStatus.ACTIVE) {
            Auditing.record(
                    audits, AuditRecord.syncRequested(found.key(), by, found.endpointId(), false, clock.instant()));
            return new ConnectionNotActive(found.status());
        }
        SyncJob job = new SyncJob(connection.get().key(), connection.get().endpointId(), clock.instant());
        try {
            queue.enqueue(job);
        } catch (SyncQueueUnavailable e) {
            throw new Unavailable.SyncQueue(e.getMessage(), e);
        }
        Auditing.record(audits, AuditRecord.syncRequested(found.key(), by, found.endpointId(), true, clock.instant()));
        return new Queued(JobId.of(job));
    }

    private static Optional<ConnectionKey> key(ProjectId project, String provider, String patientId) {
        Optional<ProviderSlug> slug = ProviderSlug.parse(provider);
        Optional<PatientId> patient = parsePatient(patientId);
        if (slug.isEmpty() || patient.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ConnectionKey(project, patient.get(), slug.get()));
    }

    private static Optional<PatientId> parsePatient(String patientId) {
        try {
            return Optional.of(new PatientId(patientId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<StoredConnection> stored(ConnectionKey key) {
        try {
            return connections.list(key.project(), Optional.of(key.patient())).stream()
                    .filter(connection -> connection.key().equals(key))
                    .findFirst();
        } catch (ConnectionStoreUnavailable e) {
            throw new Unavailable.ConnectionStore(e.getMessage(), e);
        }
    }
}
