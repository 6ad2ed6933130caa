package health.wearables.application.port.out;

import health.wearables.domain.SyncJob;

/** Where initial data syncs wait for a worker. */
@FunctionalInterface
public interface SyncQueue {

    /**
     * Queues the job for a worker.
     *
     * @throws SyncQueueUnavailable when the queue cannot be reached; the job is then not queued
     */
    void enqueue(SyncJob job);
}
