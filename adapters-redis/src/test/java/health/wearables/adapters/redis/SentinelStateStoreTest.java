package health.wearables.adapters.redis;

import health.wearables.application.port.out.StateStore;
import health.wearables.application.port.out.StateStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The state store contract on Redis Sentinel (a master and its replica, three sentinels), with the client made from the documented Redisson file and takes confirmed by the replica.
 */
class SentinelStateStoreTest extends StateStoreContract {
    @RegisterExtension
    static final RedisTopologyExtension<RedisSentinelTopology> REDIS = RedisTopologyExtension.sentinel();

    private final RedisStateStore store = REDIS.topology().stateStore(REDIS.client(), REDIS.prefix());

    @Override
    protected StateStore store() {
        return store;
    }
}
