package health.wearables.adapters.redis;

import health.wearables.application.port.out.PendingRevocations;
import health.wearables.application.port.out.PendingRevocationsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pending revocations contract on the Redis Cluster (three masters with a replica each), with the client made from the documented Redisson file. */
class ClusterPendingRevocationsTest extends PendingRevocationsContract {
    @RegisterExtension
    static final RedisTopologyExtension<RedisClusterTopology> REDIS = RedisTopologyExtension.cluster();

    private final RedisPendingRevocations revocations =
            new RedisPendingRevocations(REDIS.client(), REDIS.prefix(), RedisTopology.TIMEOUT);

    @Override
    protected PendingRevocations revocations() {
        return revocations;
    }
}
