package health.wearables.application.port.out;

import java.time.Clock;

class InMemorySyncJobsTest extends SyncJobsContract {

    @Override
    protected Queue freshQueue() {
        InMemorySyncJobs jobs = new InMemorySyncJobs(Clock.systemUTC());
        return new Queue(jobs, jobs);
    }
}
