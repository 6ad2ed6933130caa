package health.wearables.adapters.redis;

import health.wearables.application.port.out.SyncQueue;
import health.wearables.application.port.out.SyncQueueContract;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.SyncJob;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.StreamMessageId;
import org.redisson.client.codec.StringCodec;

/** The sync queue contract on the Redis Cluster (three masters with a replica each), reading the stream as a worker would (XRANGE). */
class ClusterSyncQueueTest extends SyncQueueContract {
    @RegisterExtension
    static final RedisTopologyExtension<RedisClusterTopology> REDIS = RedisTopologyExtension.cluster();

    private final RedisSyncQueue queue = new RedisSyncQueue(REDIS.client(), REDIS.prefix(), RedisTopology.TIMEOUT);

    @Override
    protected SyncQueue queue() {
        return queue;
    }

    @Override
    protected List<SyncJob> queuedFor(ConnectionKey key) {
        return REDIS
                .client()
                .<String, String>getStream(SyncKeys.stream(REDIS.prefix()), StringCodec.INSTANCE)
                .range(StreamMessageId.MIN, StreamMessageId.MAX)
                .values()
                .stream()
                .map(RedisSyncJobs::jobOf)
                .flatMap(Optional::stream)
                .filter(job -> job.key().equals(key))
                .toList();
    }
}
