package health.wearables.adapters.redis;

import health.wearables.application.port.out.PendingRevocations;
import health.wearables.application.port.out.PendingRevocationsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pending revocations contract on Redis Sentinel (a master and its replica, three sentinels), with the client made from the documented Redisson file. */
class SentinelPendingRevocationsTest extends PendingRevocationsContract {
    @RegisterExtension
    static final RedisTopologyExtension<RedisSentinelTopology> REDIS = RedisTopologyExtension.sentinel();

    private final RedisPendingRevocations revocations =
            new RedisPendingRevocations(REDIS.client(), REDIS.prefix(), RedisTopology.TIMEOUT);

    @Override
    protected PendingRevocations revocations() {
        return revocations;
    }
}
