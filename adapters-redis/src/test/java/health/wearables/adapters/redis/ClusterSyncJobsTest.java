package health.wearables.adapters.redis;

import health.wearables.application.port.out.Samples;
import health.wearables.application.port.out.SyncJobsContract;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sync jobs contract on the Redis Cluster (three masters with a replica each), each test on a stream of its own (all of them in the slot of {sync}). */
class ClusterSyncJobsTest extends SyncJobsContract {
    @RegisterExtension
    static final RedisTopologyExtension<RedisClusterTopology> REDIS = RedisTopologyExtension.cluster();

    @Override
    protected Queue freshQueue() {
        String prefix = REDIS.prefix() + Samples.unique("q") + ":";
        return new Queue(
                new RedisSyncQueue(REDIS.client(), prefix, RedisTopology.TIMEOUT),
                new RedisSyncJobs(REDIS.client(), prefix, RedisTopology.TIMEOUT, Clock.systemUTC()));
    }
}
