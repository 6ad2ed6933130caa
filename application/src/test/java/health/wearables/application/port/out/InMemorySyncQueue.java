package health.wearables.application.port.out;

import health.wearables.domain.SyncJob;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

public final class InMemorySyncQueue implements SyncQueue {
    private final List<SyncJob> jobs = new CopyOnWriteArrayList<>();

    @Override
    public void enqueue(SyncJob job) {
        jobs.add(job);
    }

    public List<SyncJob> jobs() {
        return List.copyOf(jobs);
    }
}
