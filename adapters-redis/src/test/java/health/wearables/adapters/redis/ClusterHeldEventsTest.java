package health.wearables.adapters.redis;

import health.wearables.application.port.out.HeldEvents;
import health.wearables.application.port.out.HeldEventsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The held events contract on the Redis Cluster (three masters with a replica each), with the client made from the documented Redisson file. */
class ClusterHeldEventsTest extends HeldEventsContract {
    @RegisterExtension
    static final RedisTopologyExtension<RedisClusterTopology> REDIS = RedisTopologyExtension.cluster();

    private final RedisHeldEvents held = new RedisHeldEvents(REDIS.client(), REDIS.prefix(), RedisTopology.TIMEOUT);

    @Override
    protected HeldEvents held() {
        return held;
    }
}
