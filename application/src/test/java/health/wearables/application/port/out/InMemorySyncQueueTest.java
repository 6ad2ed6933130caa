package health.wearables.application.port.out;

import health.wearables.domain.ConnectionKey;
import health.wearables.domain.SyncJob;
import java.util.List;

class InMemorySyncQueueTest extends SyncQueueContract {
    private final InMemorySyncQueue queue = new InMemorySyncQueue();

    @Override
    protected SyncQueue queue() {
        return queue;
    }

    @Override
    protected List<SyncJob> queuedFor(ConnectionKey key) {
        return queue.jobs().stream().filter(job -> job.key().equals(key)).toList();
    }
}
