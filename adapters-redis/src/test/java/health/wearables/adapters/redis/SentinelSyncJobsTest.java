package health.wearables.adapters.redis;

import health.wearables.application.port.out.Samples;
import health.wearables.application.port.out.SyncJobsContract;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sync jobs contract on Redis Sentinel (a master and its replica, three sentinels), each test on a stream of its own (all of them in the slot of {sync}). */
class SentinelSyncJobsTest extends SyncJobsContract {
    @RegisterExtension
    static final RedisTopologyExtension<RedisSentinelTopology> REDIS = RedisTopologyExtension.sentinel();

    @Override
    protected Queue freshQueue() {
        String prefix = REDIS.prefix() + Samples.unique("q") + ":";
        return new Queue(
                new RedisSyncQueue(REDIS.client(), prefix, RedisTopology.TIMEOUT),
                new RedisSyncJobs(REDIS.client(), prefix, RedisTopology.TIMEOUT, Clock.systemUTC()));
    }
}
