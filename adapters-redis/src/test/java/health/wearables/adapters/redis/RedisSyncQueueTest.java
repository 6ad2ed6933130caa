package health.wearables.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.Samples;
import health.wearables.application.port.out.SyncQueue;
import health.wearables.application.port.out.SyncQueueContract;
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
        return client.getStream(prefix + "sync", StringCodec.INSTANCE);
    }

    @Override
    protected SyncQueue queue() {
        return queue;
    }

    @Override
    protected List<SyncJob> queuedFor(ConnectionKey key) {
        Map<StreamMessageId, Map<String, String>> entries = stream().range(StreamMessageId.MIN, StreamMessageId.MAX);
        return entries.values().stream().map(RedisSyncQueueTest::jobOf).filter(job -> job.key().equals(key)).toList();
    }

    private static SyncJob jobOf(Map<String, String> fields) {
        ConnectionKey key = new ConnectionKey(new ProjectId(fields.get("project")), new PatientId(fields.get("patient")),
                new ProviderSlug(fields.get("provider")));
        return new SyncJob(key, fields.get("endpointId"), Instant.ofEpochMilli(Long.parseLong(fields.get("requestedAt"))));
    }

    @Test
    void the_consumer_group_exists_after_construction() {
        assertThat(stream().listGroups()).extracting(StreamGroup::getName).containsExactly(RedisSyncQueue.GROUP);
    }

    @Test
    void a_second_queue_on_the_same_stream_keeps_the_group_and_its_jobs() {
        SyncJob job = new SyncJob(Samples.connectionKey(), "Endpoint/7", Instant.now().truncatedTo(ChronoUnit.MILLIS));
        queue.enqueue(job);

        new RedisSyncQueue(client, REDIS.prefix(), LocalRedis.TIMEOUT);

        assertThat(stream().listGroups()).extracting(StreamGroup::getName).containsExactly(RedisSyncQueue.GROUP);
        assertThat(queuedFor(job.key())).containsExactly(job);
    }

    @Test
    void queues_made_at_the_same_time_on_a_new_stream_all_start_and_leave_one_group() throws Exception {
        String fresh = REDIS.prefix() + "race:";
        int instances = 6;
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<RedisSyncQueue>> made = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                made.add(pool.submit(() -> {
                    start.await();
                    return new RedisSyncQueue(client, fresh, LocalRedis.TIMEOUT);
                }));
            }
            start.countDown();
            for (Future<RedisSyncQueue> each : made) {
                assertThat(each.get(10, TimeUnit.SECONDS)).isNotNull();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(stream(fresh).listGroups())
                .extracting(StreamGroup::getName).containsExactly(RedisSyncQueue.GROUP);
    }

    @Test
    void an_entry_has_exactly_the_five_documented_fields() {
        ConnectionKey key = Samples.connectionKey();
        Instant at = Instant.parse("2026-01-02T03:04:05.678Z");
        queue.enqueue(new SyncJob(key, "Endpoint/9", at));

        Map<String, String> entry = stream().range(StreamMessageId.MIN, StreamMessageId.MAX).values().stream()
                .filter(fields -> key.patient().value().equals(fields.get("patient")))
                .findFirst().orElseThrow();
        assertThat(entry).containsOnly(
                Map.entry("project", key.project().value()),
                Map.entry("patient", key.patient().value()),
                Map.entry("provider", "fitbit"),
                Map.entry("endpointId", "Endpoint/9"),
                Map.entry("requestedAt", Long.toString(at.toEpochMilli())));
    }
}
