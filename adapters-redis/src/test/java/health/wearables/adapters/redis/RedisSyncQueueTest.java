package health.wearables.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.wearables.application.port.out.Samples;
import health.wearables.application.port.out.SyncQueue;
import health.wearables.application.port.out.SyncQueueContract;
import health.wearables.application.port.out.SyncQueueUnavailable;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.SyncJob;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamGroup;
import org.redisson.api.StreamMessageId;
import org.redisson.client.codec.StringCodec;

/** The sync queue contract against the real Redis, reading the stream as a worker would (XRANGE). */
class RedisSyncQueueTest extends SyncQueueContract {
    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    private final RedissonClient client = REDIS.client();
    private final RedisSyncQueue queue = new RedisSyncQueue(client, REDIS.prefix(), LocalRedis.TIMEOUT);

    private RStream<String, String> stream() {
        return stream(REDIS.prefix());
    }

    private RStream<String, String> stream(String prefix) {
        return client.getStream(prefix + "{sync}", StringCodec.INSTANCE);
    }

    @Override
    protected SyncQueue queue() {
        return queue;
    }

    @Override
    protected List<SyncJob> queuedFor(ConnectionKey key) {
        Map<StreamMessageId, Map<String, String>> entries = stream().range(StreamMessageId.MIN, StreamMessageId.MAX);
        return entries.values().stream()
                .map(RedisSyncQueueTest::jobOf)
                .filter(job -> job.key().equals(key))
                .toList();
    }

    private static SyncJob jobOf(Map<String, String> fields) {
        ConnectionKey key = new ConnectionKey(
                new ProjectId(fields.get("project")),
                new PatientId(fields.get("patient")),
                new ProviderSlug(fields.get("provider")));
        return new SyncJob(key, fields.get("endpointId"), Instant.parse(fields.get("requestedAt")));
    }

    @Test
    void the_first_job_makes_the_stream_with_its_consumer_group() {
        String fresh = REDIS.prefix() + "first:";
        RedisSyncQueue first = new RedisSyncQueue(client, fresh, LocalRedis.TIMEOUT);
        assertThat(stream(fresh).isExists())
                .as("construction asks nothing of Redis")
                .isFalse();

        first.enqueue(
                new SyncJob(Samples.connectionKey(), "Endpoint/1", Instant.now().truncatedTo(ChronoUnit.MILLIS)));

        assertThat(stream(fresh).listGroups()).extracting(StreamGroup::getName).containsExactly(RedisSyncQueue.GROUP);
        assertThat(stream(fresh).size()).isEqualTo(1);
    }

    @Test
    void a_stream_someone_else_made_without_the_group_gets_it_with_the_first_job() {
        String foreign = REDIS.prefix() + "foreign:";
        stream(foreign).add(org.redisson.api.stream.StreamAddArgs.entry("made", "elsewhere"));

        new RedisSyncQueue(client, foreign, LocalRedis.TIMEOUT)
                .enqueue(new SyncJob(
                        Samples.connectionKey(), "Endpoint/5", Instant.now().truncatedTo(ChronoUnit.MILLIS)));

        assertThat(stream(foreign).listGroups())
                .extracting(StreamGroup::getName)
                .containsExactly(RedisSyncQueue.GROUP);
        assertThat(stream(foreign).size()).isEqualTo(2);
    }

    @Test
    void a_deleted_stream_comes_back_with_its_group_at_the_next_job_which_the_workers_then_read() {
        queue.enqueue(
                new SyncJob(Samples.connectionKey(), "Endpoint/2", Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        stream().delete();

        SyncJob job =
                new SyncJob(Samples.connectionKey(), "Endpoint/3", Instant.now().truncatedTo(ChronoUnit.MILLIS));
        queue.enqueue(job);

        assertThat(stream().listGroups()).singleElement().satisfies(group -> {
            assertThat(group.getName()).isEqualTo(RedisSyncQueue.GROUP);
            assertThat(group.getLastDeliveredId())
                    .as("the group starts at the stream's start")
                    .isEqualTo(new StreamMessageId(0, 0));
        });
        assertThat(queuedFor(job.key())).containsExactly(job);
    }

    @Test
    void a_key_of_another_type_in_the_streams_place_refuses_jobs_until_it_is_gone() {
        String blocked = REDIS.prefix() + "blocked:";
        RedisSyncQueue queue = new RedisSyncQueue(client, blocked, LocalRedis.TIMEOUT);
        client.getBucket(blocked + "{sync}", StringCodec.INSTANCE).set("not a stream");
        SyncJob job =
                new SyncJob(Samples.connectionKey(), "Endpoint/4", Instant.now().truncatedTo(ChronoUnit.MILLIS));

        assertThatThrownBy(() -> queue.enqueue(job))
                .isInstanceOf(SyncQueueUnavailable.class)
                .hasMessageStartingWith("sync queue ")
                .hasMessageContaining(": Redis failed");

        client.getBucket(blocked + "{sync}", StringCodec.INSTANCE).delete();
        queue.enqueue(job);
        assertThat(stream(blocked).listGroups())
                .extracting(StreamGroup::getName)
                .containsExactly(RedisSyncQueue.GROUP);
        assertThat(stream(blocked).range(StreamMessageId.MIN, StreamMessageId.MAX))
                .hasSize(1);
    }

    @Test
    void a_second_queue_on_the_same_stream_keeps_the_group_and_its_jobs() {
        SyncJob job =
                new SyncJob(Samples.connectionKey(), "Endpoint/7", Instant.now().truncatedTo(ChronoUnit.MILLIS));
        queue.enqueue(job);

        new RedisSyncQueue(client, REDIS.prefix(), LocalRedis.TIMEOUT);

        assertThat(stream().listGroups()).extracting(StreamGroup::getName).containsExactly(RedisSyncQueue.GROUP);
        assertThat(queuedFor(job.key())).containsExactly(job);
    }

    @Test
    void first_jobs_of_several_instances_at_the_same_time_on_a_new_stream_all_queue_and_leave_one_group()
            throws Exception {
        String fresh = REDIS.prefix() + "race:";
        int instances = 6;
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> made = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                RedisSyncQueue instance = new RedisSyncQueue(client, fresh, LocalRedis.TIMEOUT);
                SyncJob job = new SyncJob(
                        Samples.connectionKey(), "Endpoint/" + i, Instant.now().truncatedTo(ChronoUnit.MILLIS));
                made.add(pool.submit(() -> {
                    start.await();
                    instance.enqueue(job);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> each : made) {
                each.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(stream(fresh).listGroups()).extracting(StreamGroup::getName).containsExactly(RedisSyncQueue.GROUP);
        assertThat(stream(fresh).size()).isEqualTo(instances);
    }

    @Test
    void an_entry_has_exactly_the_five_documented_fields() {
        ConnectionKey key = Samples.connectionKey();
        Instant at = Instant.parse("2026-01-02T03:04:05.678Z");
        queue.enqueue(new SyncJob(key, "Endpoint/9", at));

        Map<String, String> entry = stream().range(StreamMessageId.MIN, StreamMessageId.MAX).values().stream()
                .filter(fields -> key.patient().value().equals(fields.get("patient")))
                .findFirst()
                .orElseThrow();
        assertThat(entry)
                .containsOnly(
                        Map.entry("project", key.project().value()),
                        Map.entry("patient", key.patient().value()),
                        Map.entry("provider", "fitbit"),
                        Map.entry("endpointId", "Endpoint/9"),
                        Map.entry("requestedAt", at.toString()));
    }
}
