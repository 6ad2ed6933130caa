package health.wearables.adapters.redis;

import health.wearables.application.port.out.HeldEvents;
import health.wearables.application.port.out.HeldEventsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The held events contract on Redis Sentinel (a master and its replica, three sentinels), with the client made from the documented Redisson file. */
class SentinelHeldEventsTest extends HeldEventsContract {
    @RegisterExtension
    static final RedisTopologyExtension<RedisSentinelTopology> REDIS = RedisTopologyExtension.sentinel();

    private final RedisHeldEvents held = new RedisHeldEvents(REDIS.client(), REDIS.prefix(), RedisTopology.TIMEOUT);

    @Override
    protected HeldEvents held() {
        return held;
    }
}
