package health.wearables.application.port.out;

import health.wearables.domain.SyncJob;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Jobs in a list; can be switched off, when it refuses jobs as an unreachable queue would. */
public final class InMemorySyncQueue implements SyncQueue {
    private final List<SyncJob> jobs = new CopyOnWriteArrayList<>();
    private volatile boolean available = true;

    public void setAvailable(boolean available) {
        this.available = available;
    }

    @Override
    public void enqueue(SyncJob job) {
        if (!available) {
            throw new SyncQueueUnavailable("in-memory sync queue switched off", null);
        }
        jobs.add(job);
    }

    public List<SyncJob> jobs() {
        return List.copyOf(jobs);
    }
}
