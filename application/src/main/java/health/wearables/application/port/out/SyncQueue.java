package health.wearables.application.port.out;

import health.wearables.domain.SyncJob;

/** Where initial data syncs wait for a worker. */
@FunctionalInterface
public interface SyncQueue {

    void enqueue(SyncJob job);
}
