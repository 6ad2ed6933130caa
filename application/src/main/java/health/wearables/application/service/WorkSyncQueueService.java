package health.wearables.application.service;

import health.wearables.application.port.in.SyncConnection;
import health.wearables.application.port.in.WorkSyncQueue;
import health.wearables.application.port.out.ConnectionStoreUnavailable;
import health.wearables.application.port.out.LeaseUnavailable;
import health.wearables.application.port.out.Leases;
import health.wearables.application.port.out.SyncJobs;
import health.wearables.application.port.out.SyncJobs.TakenJob;
import health.wearables.application.port.out.SyncPoints;
import health.wearables.application.port.out.SyncPoints.SyncPoint;
import health.wearables.application.port.out.SyncQueueUnavailable;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.Hashing;
import health.wearables.domain.events.PlatformEvent;
import health.wearables.domain.sync.SyncProgress;
import health.wearables.domain.sync.SyncResult;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * taken → the connection's sync lease held → synced → finished: acknowledged, given back for later, or dead-lettered.
 *
 * <p>The lease ({@code sync:<sha256 of the connection>}, held for the visibility timeout) keeps two workers off one
 * connection: a job whose connection is being synced is given back for {@link WorkSettings#busyRetry()}. Before each
 * page the worker holds both the job and the lease for another visibility timeout, so a long sync keeps them. A job is
 * acknowledged only after {@link SyncConnection} returned, so after its pages are committed; a worker that dies leaves
 * it pending, and another worker takes it over once the visibility timeout has passed.
 *
 * <p>Giving back: a rate limit waits for the provider's {@code Retry-After} and never counts as a failure; any other
 * deferral or failure waits at least {@code backoff × 2^(attempt − 1)} (up to {@code maxBackoff}), and the
 * {@code maxAttempts}-th one dead-letters the job with our reason, and records the connection's last sync as failed. A
 * sync that throws is a failure like any other: the job is never lost to a bug.
 */
public final class WorkSyncQueueService implements WorkSyncQueue {
    private static final System.Logger LOG = System.getLogger(WorkSyncQueueService.class.getName());

    private final Reporting reporting;
    private final SyncJobs jobs;
    private final Leases leases;
    private final SyncConnection sync;
    private final SyncPoints syncPoints;
    private final WorkSettings settings;
    private final Clock clock;

    public WorkSyncQueueService(
            SyncJobs jobs,
            Leases leases,
            SyncConnection sync,
            SyncPoints syncPoints,
            WorkSettings settings,
            Clock clock,
            Reporting reporting) {
        this.reporting = reporting;
        this.jobs = jobs;
        this.leases = leases;
        this.sync = sync;
        this.syncPoints = syncPoints;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Work runOnce(String consumer) {
        Optional<TakenJob> taken;
        try {
            taken = jobs.take(consumer, settings.visibility());
        } catch (SyncQueueUnavailable e) {
            return new Work(Kind.QUEUE_UNAVAILABLE, Optional.empty(), 0, "sync queue: " + e.getMessage());
        }
        return taken.map(job -> work(consumer, job)).orElseGet(Work::idle);
    }

    private Work work(String consumer, TakenJob taken) {
        ConnectionKey key = taken.job().key();
        try {
            Optional<Leases.Lease> lease;
            try {
                lease = leases.take(leaseOf(key), settings.visibility());
            } catch (LeaseUnavailable e) {
                return work(taken, Kind.QUEUE_UNAVAILABLE, 0, "lease: " + e.getMessage()); // stays pending
            }
            if (lease.isEmpty()) {
                jobs.giveBack(taken, clock.instant().plus(settings.busyRetry()));
                return work(taken, Kind.BUSY, 0, "another worker syncs the connection");
            }
            try (Leases.Lease held = lease.get()) {
                return finished(taken, synced(taken, () -> keep(consumer, taken, held)));
            }
        } catch (SyncQueueUnavailable e) {
            return work(taken, Kind.QUEUE_UNAVAILABLE, 0, "sync queue: " + e.getMessage()); // comes back when visible
        }
    }

    /**
     * Before each page: the job and the connection's lease are held for another visibility timeout, so a sync that
     * reads for longer than one is neither taken over by another worker nor joined by one on its connection. If the
     * hold was lost meanwhile (this worker stalled past the timeout), the sync goes on: its pages are idempotent, and
     * each page's transaction locks the connection; the WARN says so.
     */
    private void keep(String consumer, TakenJob taken, Leases.Lease held) {
        try {
            boolean jobKept = jobs.keep(consumer, taken);
            boolean leaseKept = held.extend(settings.visibility());
            if (!jobKept || !leaseKept) {
                LOG.log(
                        Level.WARNING,
                        "sync of project={0} provider={1} outlived its hold ({2} s) and another worker may sync the"
                                + " connection too; its writes are idempotent",
                        taken.job().key().project(),
                        taken.job().key().provider(),
                        settings.visibility().toSeconds());
            }
        } catch (SyncQueueUnavailable | LeaseUnavailable e) {
            LOG.log(Level.WARNING, "the hold of a running sync could not be renewed: {0}", e.getMessage());
        }
    }

    private SyncResult synced(TakenJob taken, Runnable beforeEachPage) {
        try {
            return sync.sync(taken.job(), beforeEachPage);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "sync of project={0} provider={1} threw {2}",
                    taken.job().key().project(),
                    taken.job().key().provider(),
                    e.getClass().getName());
            return new SyncResult.Failed("the sync threw " + e.getClass().getSimpleName(), SyncProgress.none());
        }
    }

    private Work finished(TakenJob taken, SyncResult result) {
        Instant now = clock.instant();
        return result.fold(
                completed -> done(taken, Kind.COMPLETED, completed.progress(), ""),
                deferred -> deferred.cause() == SyncResult.Deferred.Cause.RATE_LIMITED
                        ? later(taken, deferred.notBefore(), deferred.progress(), "rate limited")
                        : failedAttempt(
                                taken,
                                latest(deferred.notBefore(), now.plus(settings.backoffAfter(taken.attempt()))),
                                deferred.progress(),
                                deferred.cause().name().toLowerCase(Locale.ROOT)),
                failed -> failedAttempt(
                        taken, now.plus(settings.backoffAfter(taken.attempt())), failed.progress(), failed.reason()),
                reauth -> done(taken, Kind.REAUTH_REQUIRED, reauth.progress(), ""),
                skipped -> done(
                        taken,
                        Kind.SKIPPED,
                        SyncProgress.none(),
                        skipped.why().name().toLowerCase(Locale.ROOT)));
    }

    private Work done(TakenJob taken, Kind kind, SyncProgress progress, String detail) {
        jobs.done(taken);
        return work(taken, kind, progress.changed(), detail);
    }

    private Work later(TakenJob taken, Instant notBefore, SyncProgress progress, String detail) {
        jobs.retryAt(taken, notBefore);
        return work(taken, Kind.DEFERRED, progress.changed(), detail + ", again at " + notBefore);
    }

    private Work failedAttempt(TakenJob taken, Instant notBefore, SyncProgress progress, String reason) {
        if (taken.attempt() < settings.maxAttempts()) {
            return later(taken, notBefore, progress, reason);
        }
        String why = SyncJobs.DeadLetter.checkReason(
                oneLine("attempt " + taken.attempt() + " of " + settings.maxAttempts() + ": " + reason));
        jobs.deadLetter(taken, why);
        try {
            ConnectionKey key = taken.job().key();
            Instant now = clock.instant();
            reporting.step(
                    () -> {
                        syncPoints.record(key, new SyncPoint(Optional.empty(), now, SyncPoints.Outcome.FAILED));
                        return key;
                    },
                    (recorded, id) -> Optional.of(PlatformEvent.syncFailed(id, key, why, now)));
        } catch (ConnectionStoreUnavailable e) {
            LOG.log(Level.WARNING, "a dead-lettered sync could not be recorded as failed: {0}", e.getMessage());
        }
        LOG.log(
                Level.WARNING,
                "sync job of project={0} provider={1} dead-lettered: {2}",
                taken.job().key().project(),
                taken.job().key().provider(),
                why);
        return work(taken, Kind.DEAD_LETTERED, progress.changed(), why);
    }

    private static Work work(TakenJob taken, Kind kind, int written, String detail) {
        return new Work(kind, Optional.of(taken.job().key().provider()), written, detail);
    }

    private static Instant latest(Instant one, Instant other) {
        return one.isAfter(other) ? one : other;
    }

    /** Our reasons are one line already; a reason is cut to what a dead letter holds. */
    private static String oneLine(String reason) {
        String line = reason.replaceAll("[\\r\\n]+", " ").strip();
        return line.length() <= SyncJobs.DeadLetter.MAX_REASON
                ? line
                : line.substring(0, SyncJobs.DeadLetter.MAX_REASON - 1) + "…";
    }

    static String leaseOf(ConnectionKey key) {
        return "sync:" + Hashing.sha256Hex(key.canonical());
    }
}
