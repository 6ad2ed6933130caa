package health.wearables.adapters.redis;

import health.wearables.application.port.out.StateStore;
import health.wearables.application.port.out.StateStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The state store contract on the Redis Cluster (three masters with a replica each), with the client made from the documented Redisson file and takes confirmed by the replica.
 */
class ClusterStateStoreTest extends StateStoreContract {
    @RegisterExtension
    static final RedisTopologyExtension<RedisClusterTopology> REDIS = RedisTopologyExtension.cluster();

    private final RedisStateStore store = REDIS.topology().stateStore(REDIS.client(), REDIS.prefix());

    @Override
    protected StateStore store() {
        return store;
    }
}
