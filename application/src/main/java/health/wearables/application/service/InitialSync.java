package health.wearables.application.service;

import health.wearables.application.port.out.ConnectionStoreUnavailable;
import health.wearables.application.port.out.SyncMarks;
import health.wearables.application.port.out.SyncQueue;
import health.wearables.application.port.out.SyncQueueUnavailable;
import health.wearables.domain.SyncJob;
import health.wearables.domain.callback.Persisted;
import health.wearables.domain.callback.SyncQueued;
import java.lang.System.Logger.Level;
import java.time.Instant;

/**
 * The sync step of the callback: the stored connection's initial sync is queued; when the queue cannot take it, the
 * job is marked on the stored connection for a retry. Either way the patient is connected.
 */
public final class InitialSync {
    /** Logs as the callback it is a step of. */
    private static final System.Logger LOG = System.getLogger(CompleteCallbackService.class.getName());

    private final SyncQueue syncQueue;
    private final SyncMarks syncMarks;

    public InitialSync(SyncQueue syncQueue, SyncMarks syncMarks) {
        this.syncQueue = syncQueue;
        this.syncMarks = syncMarks;
    }

    /** Queued; or, when the queue cannot take it, recorded with the stored connection for a retry. */
    SyncQueued queue(Persisted persisted, Instant now) {
        SyncJob job = persisted.syncJob(now);
        try {
            syncQueue.enqueue(job);
        } catch (SyncQueueUnavailable queueDown) {
            recordForRetry(job, queueDown);
        }
        return persisted.syncQueued();
    }

    private void recordForRetry(SyncJob job, SyncQueueUnavailable queueDown) {
        try {
            syncMarks.markSyncPending(job.key());
        } catch (ConnectionStoreUnavailable storeDown) {
            LOG.log(
                    Level.ERROR,
                    "the initial sync of project={0} provider={1} endpoint={2} could not be queued ({3}) "
                            + "nor recorded for a retry ({4}); the connection is stored, its first sync must be requested "
                            + "again",
                    job.key().project(),
                    job.key().provider(),
                    job.endpointId(),
                    queueDown.getMessage(),
                    storeDown.getMessage());
            return;
        }
        LOG.log(
                Level.WARNING,
                "sync queue unavailable ({0}): the initial sync of project={1} provider={2} "
                        + "endpoint={3} is recorded for a retry",
                queueDown.getMessage(),
                job.key().project(),
                job.key().provider(),
                job.endpointId());
    }
}
