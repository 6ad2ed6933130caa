package health.wearables.application.service;

import health.wearables.application.port.in.ScheduleSyncs;
import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.application.port.out.ConnectionStore;
import health.wearables.application.port.out.ConnectionStoreUnavailable;
import health.wearables.application.port.out.LeaseUnavailable;
import health.wearables.application.port.out.Leases;
import health.wearables.application.port.out.ProviderData;
import health.wearables.application.port.out.StoredCredentials;
import health.wearables.application.port.out.SyncQueue;
import health.wearables.application.port.out.SyncQueueUnavailable;
import health.wearables.domain.ConnectionStatus;
import health.wearables.domain.ProjectId;
import health.wearables.domain.StoredConnection;
import health.wearables.domain.SyncJob;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * lease for one interval → every project with a stored connection → its active connections whose provider a data
 * client reads → one job each.
 *
 * <p>The lease is the schedule: taken for the whole sync interval and not ended after a pass that went through, so no
 * instance runs another pass until the interval has passed, whichever instance calls. A pass that a store or the queue
 * cut short ends its lease at once, so the next call tries again. Connections are found through
 * {@link StoredCredentials#keys()} (which projects have any) and {@link ConnectionStore#list} (each project's
 * connections with their status and Endpoint), so no port grows for this.
 */
public final class ScheduleSyncsService implements ScheduleSyncs {
    static final String LEASE = "schedule-syncs";
    private static final System.Logger LOG = System.getLogger(ScheduleSyncsService.class.getName());

    private final StoredCredentials stored;
    private final ConnectionStore connections;
    private final ReadableProviders readable;
    private final SyncQueue queue;
    private final Leases leases;
    private final Duration interval;
    private final Clock clock;

    /** @param interval how often every active connection is synced ({@code wearables.sync.interval}) */
    public ScheduleSyncsService(
            StoredCredentials stored,
            ConnectionStore connections,
            ConfiguredProviders providers,
            ProviderData data,
            SyncQueue queue,
            Leases leases,
            Duration interval,
            Clock clock) {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("the sync interval must be positive");
        }
        this.stored = stored;
        this.connections = connections;
        this.readable = new ReadableProviders(providers, data);
        this.queue = queue;
        this.leases = leases;
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    public Schedule runOnce() {
        Optional<Leases.Lease> lease;
        try {
            lease = leases.take(LEASE, interval);
        } catch (LeaseUnavailable e) {
            return new Schedule(false, 0, 0, 0, List.of("lease: " + e.getMessage()));
        }
        if (lease.isEmpty()) {
            return Schedule.skipped();
        }
        Schedule schedule = Schedule.skipped();
        try {
            schedule = pass();
            return schedule;
        } finally {
            if (schedule.problems().isEmpty() && schedule.ran()) {
                LOG.log(Level.INFO, "sync schedule: {0}", schedule);
            } else {
                lease.get().close(); // cut short: the next call tries again
            }
        }
    }

    private Schedule pass() {
        Instant now = clock.instant();
        int queued = 0;
        int notActive = 0;
        int notReadable = 0;
        List<String> problems = new ArrayList<>();
        try {
            for (ProjectId project : StoredProjects.of(stored)) {
                for (StoredConnection connection : connections.list(project, Optional.empty())) {
                    if (connection.status() != ConnectionStatus.ACTIVE) {
                        notActive++;
                        continue;
                    }
                    if (readable.find(connection.key().provider()).isEmpty()) {
                        notReadable++;
                        continue;
                    }
                    queue.enqueue(new SyncJob(connection.key(), connection.endpointId(), now));
                    queued++;
                }
            }
        } catch (ConnectionStoreUnavailable e) {
            problems.add("connection store: " + e.getMessage());
        } catch (SyncQueueUnavailable e) {
            problems.add("sync queue: " + e.getMessage());
        }
        return new Schedule(true, queued, notActive, notReadable, problems);
    }
}
