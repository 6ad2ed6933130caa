package health.wearables.application.service;

import health.wearables.application.port.in.RecoverPendingWork;
import health.wearables.application.port.out.ConnectionStore;
import health.wearables.application.port.out.ConnectionStoreUnavailable;
import health.wearables.application.port.out.CredentialInbox;
import health.wearables.application.port.out.CredentialInboxUnavailable;
import health.wearables.application.port.out.LeaseUnavailable;
import health.wearables.application.port.out.Leases;
import health.wearables.application.port.out.StoredCredentials;
import health.wearables.application.port.out.SyncMarks;
import health.wearables.application.port.out.SyncQueue;
import health.wearables.application.port.out.SyncQueueUnavailable;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.StoredConnection;
import health.wearables.domain.SyncJob;
import health.wearables.domain.events.PlatformEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * lease → write the held credentials (each marked for its initial sync before its inbox entry goes) → queue the
 * recorded syncs. One gateway instance at a time runs a pass (the lease); a store that fails ends its part of the pass
 * and everything it did not finish stays where it was, for the next pass. Nothing is dropped on a failure.
 *
 * <p>The lease is short and held again before each entry and each sync, so an instance that dies during a pass holds
 * the others back for one lease duration at most, while a pass of many entries keeps it as long as it runs. A pass
 * whose lease lapsed (a stall longer than the lease: another instance may be running one now) stops before its next
 * entry; what it left stays for the next pass.
 */
public final class RecoverPendingWorkService implements RecoverPendingWork {
    static final String LEASE = "recover-pending-work";

    private final Reporting reporting;
    private final CredentialInbox inbox;
    private final ConnectionStore connections;
    private final StoredCredentials stored;
    private final SyncMarks syncMarks;
    private final SyncQueue syncQueue;
    private final Leases leases;
    private final Duration leaseDuration;
    private final int batchSize;
    private final Clock clock;

    /**
     * @param leaseDuration how long a pass may take over one entry or one sync before another instance may start one;
     *                      the longest an instance that dies during a pass holds the others back
     * @param batchSize     at most this many inbox entries, and this many recorded syncs, per pass
     */
    public RecoverPendingWorkService(
            CredentialInbox inbox,
            ConnectionStore connections,
            StoredCredentials stored,
            SyncMarks syncMarks,
            SyncQueue syncQueue,
            Leases leases,
            Duration leaseDuration,
            int batchSize,
            Clock clock,
            Reporting reporting) {
        this.reporting = reporting;
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        this.inbox = inbox;
        this.connections = connections;
        this.stored = stored;
        this.syncMarks = syncMarks;
        this.syncQueue = syncQueue;
        this.leases = leases;
        this.leaseDuration = leaseDuration;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    @Override
    public Recovery runOnce() {
        Optional<Leases.Lease> lease;
        try {
            lease = leases.take(LEASE, leaseDuration);
        } catch (LeaseUnavailable e) {
            return new Recovery(false, 0, 0, 0, List.of("lease: " + e.getMessage()));
        }
        if (lease.isEmpty()) {
            return Recovery.skipped();
        }
        try (Leases.Lease held = lease.get()) {
            Pass pass = new Pass(held);
            writeHeldCredentials(pass);
            if (!pass.stopped) {
                queueRecordedSyncs(pass);
            }
            return pass.recovery();
        }
    }

    private void writeHeldCredentials(Pass pass) {
        List<SealedCredentials> waiting;
        try {
            waiting = inbox.waiting(batchSize);
        } catch (CredentialInboxUnavailable e) {
            pass.problem("credential inbox", e);
            return;
        }
        for (SealedCredentials held : waiting) {
            if (!pass.keepLease()) {
                return;
            }
            try {
                write(held, pass);
            } catch (ConnectionStoreUnavailable e) {
                pass.problem("connection store", e);
                return;
            } catch (CredentialInboxUnavailable e) {
                pass.problem("credential inbox", e);
                return;
            }
        }
    }

    /**
     * A newer connection of the same patient and provider (a reconnect while the entry waited) is never overwritten
     * with these older credentials: an older stored one is replaced compare-and-set, so a reconnect that lands between
     * the read and the write wins, and the entry is looked at again by the next pass.
     */
    private void write(SealedCredentials held, Pass pass) {
        Optional<SealedCredentials> current = stored.find(held.key());
        Optional<Instant> storedAt = current.map(SealedCredentials::connectedAt);
        if (storedAt.isPresent() && storedAt.get().isAfter(held.connectedAt())) {
            inbox.remove(held); // superseded: the newer connection had its own initial sync
            pass.superseded++;
            return;
        }
        if (current.isEmpty()) {
            reporting.step(
                    () -> connections.save(held),
                    (saved, id) -> Optional.of(
                            PlatformEvent.connectionCreated(id, held.key(), saved.reconnect(), clock.instant())));
        } else if (storedAt.get().isBefore(held.connectedAt())
                && !reporting.step(
                        () -> stored.replace(current.get(), held.over(current.get())),
                        (replaced, id) -> replaced
                                ? Optional.of(PlatformEvent.connectionCreated(id, held.key(), true, clock.instant()))
                                : Optional.<PlatformEvent>empty())) {
            return; // changed meanwhile: the next pass compares again
        } // else written by an earlier pass that could not remove the entry
        syncMarks.markSyncPending(held.key()); // the sync is recorded before the entry goes; queued below
        inbox.remove(held);
        pass.written++;
    }

    private void queueRecordedSyncs(Pass pass) {
        List<StoredConnection> recorded;
        try {
            recorded = syncMarks.syncPending(batchSize);
        } catch (ConnectionStoreUnavailable e) {
            pass.problem("connection store", e);
            return;
        }
        for (StoredConnection connection : recorded) {
            if (!pass.keepLease()) {
                return;
            }
            try {
                syncQueue.enqueue(new SyncJob(connection.key(), connection.endpointId(), clock.instant()));
            } catch (SyncQueueUnavailable e) {
                pass.problem("sync queue", e);
                return;
            }
            try {
                syncMarks.clearSyncPending(connection.key());
            } catch (ConnectionStoreUnavailable e) {
                pass.syncsQueued++; // queued; the mark stays, so a later pass queues it once more (harmless)
                pass.problem("connection store", e);
                return;
            }
            pass.syncsQueued++;
        }
    }

    /** The counts and problems of one pass, and its lease. */
    private final class Pass {
        private final Leases.Lease lease;
        int written;
        int superseded;
        int syncsQueued;
        boolean stopped;
        final List<String> problems = new ArrayList<>();

        Pass(Leases.Lease lease) {
            this.lease = lease;
        }

        void problem(String store, RuntimeException failure) {
            problems.add(store + ": " + failure.getMessage());
        }

        /** Holds the lease for another duration; false (the pass stops) when it lapsed or cannot be reached. */
        boolean keepLease() {
            try {
                if (lease.extend(leaseDuration)) {
                    return true;
                }
                problems.add("lease: lapsed during the pass (longer than " + leaseDuration.toSeconds()
                        + " s on one step); the next pass goes on");
            } catch (LeaseUnavailable e) {
                problem("lease", e);
            }
            stopped = true;
            return false;
        }

        Recovery recovery() {
            return new Recovery(true, written, superseded, syncsQueued, problems);
        }
    }
}
