package health.wearables.adapters.redis;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;

/**
 * The sync keys' migration on the Redis Cluster (three masters with a replica each): an old key and its new name are in
 * different slots there, so nothing may send both in one command.
 */
class ClusterSyncKeysTest extends SyncKeysCases {
    @RegisterExtension
    static final RedisTopologyExtension<RedisClusterTopology> REDIS = RedisTopologyExtension.cluster();

    @Override
    protected RedissonClient client() {
        return REDIS.client();
    }

    @Override
    protected String prefix() {
        return REDIS.prefix();
    }
}
