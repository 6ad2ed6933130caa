package health.wearables.adapters.redis;

import health.wearables.application.port.out.Leases;
import health.wearables.application.port.out.LeasesContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The leases contract on Redis Sentinel (a master and its replica, three sentinels), with the client made from the documented Redisson file. */
class SentinelLeasesTest extends LeasesContract {
    @RegisterExtension
    static final RedisTopologyExtension<RedisSentinelTopology> REDIS = RedisTopologyExtension.sentinel();

    private final RedisLeases leases = new RedisLeases(REDIS.client(), REDIS.prefix(), RedisTopology.TIMEOUT);

    @Override
    protected Leases leases() {
        return leases;
    }
}
