package health.wearables.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.Samples;
import health.wearables.application.port.out.SyncJobs;
import health.wearables.application.port.out.SyncJobsContract;
import health.wearables.domain.SyncJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RStream;
import org.redisson.api.StreamMessageId;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.client.codec.StringCodec;

/** The sync jobs contract against the real Redis, each test on a stream of its own. */
class RedisSyncJobsTest extends SyncJobsContract {
    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    @Override
    protected Queue freshQueue() {
        String prefix = REDIS.prefix() + Samples.unique("q") + ":";
        return new Queue(
                new RedisSyncQueue(REDIS.client(), prefix, LocalRedis.TIMEOUT),
                new RedisSyncJobs(REDIS.client(), prefix, LocalRedis.TIMEOUT, Clock.systemUTC()));
    }

    @Test
    void a_job_keeps_the_microseconds_it_was_asked_at_and_an_entry_of_epoch_milliseconds_is_still_read() {
        String prefix = REDIS.prefix() + Samples.unique("precision") + ":";
        RedisSyncJobs jobs = new RedisSyncJobs(REDIS.client(), prefix, LocalRedis.TIMEOUT, Clock.systemUTC());
        SyncJob job = new SyncJob(Samples.connectionKey(), "Endpoint/1", Instant.parse("2026-11-30T16:10:00.123456Z"));
        new RedisSyncQueue(REDIS.client(), prefix, LocalRedis.TIMEOUT).enqueue(job);

        assertThat(jobs.take("a", Duration.ofMinutes(1)))
                .map(SyncJobs.TakenJob::job)
                .contains(job);
        assertThat(RedisSyncJobs.jobOf(Map.of(
                        "project", job.key().project().value(),
                        "patient", job.key().patient().value(),
                        "provider", job.key().provider().value(),
                        "endpointId", "Endpoint/1",
                        "requestedAt", "1796051361643")))
                .map(SyncJob::requestedAt)
                .contains(Instant.ofEpochMilli(1796051361643L));
    }

    @Test
    void an_entry_that_is_not_a_job_is_dead_lettered_and_the_next_job_taken() {
        String prefix = REDIS.prefix() + Samples.unique("foreign") + ":";
        RedisSyncJobs jobs = new RedisSyncJobs(REDIS.client(), prefix, LocalRedis.TIMEOUT, Clock.systemUTC());
        assertThat(jobs.take("a", Duration.ofMinutes(1))).isEmpty(); // makes the stream with its group
        REDIS.client()
                .<String, String>getStream(prefix + "{sync}", StringCodec.INSTANCE)
                .add(StreamAddArgs.entry("made", "elsewhere"));
        SyncJob job =
                new SyncJob(Samples.connectionKey(), "Endpoint/1", Instant.now().truncatedTo(ChronoUnit.MILLIS));
        new RedisSyncQueue(REDIS.client(), prefix, LocalRedis.TIMEOUT).enqueue(job);

        assertThat(jobs.take("a", Duration.ofMinutes(1)))
                .map(SyncJobs.TakenJob::job)
                .contains(job);

        RStream<String, String> dead = REDIS.client().getStream(prefix + "{sync}:dead", StringCodec.INSTANCE);
        Map<StreamMessageId, Map<String, String>> letters = dead.range(StreamMessageId.MIN, StreamMessageId.MAX);
        assertThat(letters.values())
                .singleElement()
                .satisfies(fields -> assertThat(fields)
                        .containsEntry("made", "elsewhere")
                        .containsEntry("reason", RedisSyncJobs.MALFORMED));
        assertThat(REDIS.client()
                        .getStream(prefix + "{sync}", StringCodec.INSTANCE)
                        .size())
                .as("the malformed entry is gone from the stream")
                .isEqualTo(1);
    }
}
