package health.wearables.application.service;

import health.wearables.application.port.in.ListConnections;
import health.wearables.application.port.in.Unavailable;
import health.wearables.application.port.out.AuditTrail;
import health.wearables.application.port.out.ConnectionStore;
import health.wearables.application.port.out.ConnectionStoreUnavailable;
import health.wearables.application.port.out.CredentialInbox;
import health.wearables.application.port.out.CredentialInboxUnavailable;
import health.wearables.application.port.out.LeaseUnavailable;
import health.wearables.application.port.out.Leases;
import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.application.port.out.SyncPoints;
import health.wearables.application.port.out.SyncPoints.SyncPoint;
import health.wearables.domain.ApiKey;
import health.wearables.domain.ConnectionListing;
import health.wearables.domain.ListedConnection;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.Step;
import health.wearables.domain.SyncStatus;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * authenticate → the project's own connections: the stored ones and those held for a retry (pending), each stored one
 * with how its syncing stands. When one of the two stores cannot be read, the other is listed and the listing says it
 * is incomplete; when neither can, the listing fails as {@link Unavailable.ConnectionStore}. A sync point that cannot
 * be read leaves that connection {@code never} synced and the listing incomplete.
 *
 * <p>A connection is {@code running} while a worker holds its sync lease (it syncs it now: no store is written to say
 * so); otherwise its status is how its last sync ended. {@code lastSyncedAt} is when the last sync ended.
 *
 * <p>The sync points and leases are read one connection at a time: a listing is one patient's handful of connections
 * in practice (a project-wide listing reads as many as it lists connections).
 */
public final class ListConnectionsService implements ListConnections {
    private static final System.Logger LOG = System.getLogger(ListConnectionsService.class.getName());

    private final ProjectDirectory projects;
    private final ConnectionStore connections;
    private final CredentialInbox inbox;
    private final SyncPoints syncPoints;
    private final Leases leases;
    private final Clock clock;
    private final AuditTrail audits;

    public ListConnectionsService(
            ProjectDirectory projects,
            ConnectionStore connections,
            CredentialInbox inbox,
            SyncPoints syncPoints,
            Leases leases,
            Clock clock,
            AuditTrail audits) {
        this.clock = clock;
        this.audits = audits;
        this.projects = projects;
        this.connections = connections;
        this.inbox = inbox;
        this.syncPoints = syncPoints;
        this.leases = leases;
    }

    @Override
    public Step<ConnectionListing> list(Optional<ApiKey> apiKey, Optional<String> patientId) {
        return Authentication.of(projects, apiKey, audits, clock)
                .then(project -> patient(patientId).then(patient -> Step.ok(listing(project.id(), patient))));
    }

    private ConnectionListing listing(ProjectId project, Optional<PatientId> patient) {
        Optional<List<SealedCredentials>> held = held(project, patient);
        try {
            return withSync(
                    ConnectionListing.of(connections.list(project, patient), held.orElse(List.of()), held.isPresent()));
        } catch (ConnectionStoreUnavailable e) {
            if (held.isEmpty()) {
                throw new Unavailable.ConnectionStore(e.getMessage(), e);
            }
            LOG.log(
                    Level.WARNING,
                    "connection store unavailable ({0}): listing only the connections held for a retry",
                    e.getMessage());
            return ConnectionListing.of(List.of(), held.get(), false);
        }
    }

    private ConnectionListing withSync(ConnectionListing listing) {
        boolean complete = listing.complete();
        List<ListedConnection> synced = new ArrayList<>();
        for (ListedConnection connection : listing.connections()) {
            if (connection.endpointId().isEmpty()) {
                synced.add(connection); // held for a retry: nothing stored, nothing synced
                continue;
            }
            try {
                Optional<SyncPoint> last = syncPoints.find(connection.key());
                SyncStatus status = running(connection)
                        ? SyncStatus.RUNNING
                        : last.map(point -> status(point.outcome())).orElse(SyncStatus.NEVER);
                synced.add(connection.synced(last.map(SyncPoint::finishedAt), status));
            } catch (ConnectionStoreUnavailable e) {
                complete = false;
                synced.add(connection);
            }
        }
        return new ConnectionListing(synced, complete);
    }

    /** Whether a worker syncs the connection now; not known when the leases cannot be read (then: not running). */
    private boolean running(ListedConnection connection) {
        try {
            return leases.isHeld(WorkSyncQueueService.leaseOf(connection.key()));
        } catch (LeaseUnavailable e) {
            return false;
        }
    }

    /** (Not a switch: on an enum of another class it compiles to a synthetic class, and use cases are final.) */
    private static SyncStatus status(SyncPoints.Outcome outcome) {
        return outcome == SyncPoints.Outcome.OK ? SyncStatus.OK : SyncStatus.FAILED;
    }

    private Optional<List<SealedCredentials>> held(ProjectId project, Optional<PatientId> patient) {
        try {
            return Optional.of(inbox.held(project, patient));
        } catch (CredentialInboxUnavailable e) {
            LOG.log(
                    Level.WARNING,
                    "credential inbox unavailable ({0}): listing only the stored connections",
                    e.getMessage());
            return Optional.empty();
        }
    }

    private static Step<Optional<PatientId>> patient(Optional<String> patientId) {
        try {
            return Step.ok(patientId.map(PatientId::new));
        } catch (IllegalArgumentException e) {
            return Step.reject(Rejection.of(
                    RejectionCode.VALIDATION_FAILED,
                    "patientId must be 1-64 characters of A-Z, a-z, 0-9, '-' and '.'."));
        }
    }
}
