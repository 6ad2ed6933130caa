package health.wearables.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.ConnectionKey;
import health.wearables.domain.SyncJob;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link SyncQueue} must do. The subclass says how a worker would see the queued jobs. */
public abstract class SyncQueueContract {

    protected abstract SyncQueue queue();

    /** The jobs a worker would read for this connection, oldest first. */
    protected abstract List<SyncJob> queuedFor(ConnectionKey key);

    @Test
    void a_queued_job_is_there_for_a_worker_with_all_it_needs() {
        ConnectionKey key = Samples.connectionKey();
        SyncJob job = new SyncJob(key, "Endpoint/42", Instant.now().truncatedTo(ChronoUnit.MILLIS));
        queue().enqueue(job);

        assertThat(queuedFor(key)).containsExactly(job);
    }

    @Test
    void jobs_keep_their_order() {
        ConnectionKey key = Samples.connectionKey();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SyncJob first = new SyncJob(key, "Endpoint/1", now);
        SyncJob second = new SyncJob(key, "Endpoint/1", now.plusSeconds(1));
        queue().enqueue(first);
        queue().enqueue(second);

        assertThat(queuedFor(key)).containsExactly(first, second);
    }
}
