package health.wearables.adapters.redis;

import health.wearables.application.port.out.Leases;
import health.wearables.application.port.out.LeasesContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The leases contract on the Redis Cluster (three masters with a replica each), with the client made from the documented Redisson file. */
class ClusterLeasesTest extends LeasesContract {
    @RegisterExtension
    static final RedisTopologyExtension<RedisClusterTopology> REDIS = RedisTopologyExtension.cluster();

    private final RedisLeases leases = new RedisLeases(REDIS.client(), REDIS.prefix(), RedisTopology.TIMEOUT);

    @Override
    protected Leases leases() {
        return leases;
    }
}
