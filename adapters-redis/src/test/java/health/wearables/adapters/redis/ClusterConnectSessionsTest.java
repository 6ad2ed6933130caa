package health.wearables.adapters.redis;

import health.wearables.application.port.out.ConnectSessions;
import health.wearables.application.port.out.ConnectSessionsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The connect sessions contract on the Redis Cluster (three masters with a replica each),
 * with the client made from the documented Redisson file.
 */
class ClusterConnectSessionsTest extends ConnectSessionsContract {
    @RegisterExtension
    static final RedisTopologyExtension<RedisClusterTopology> REDIS = RedisTopologyExtension.cluster();

    private final RedisConnectSessions sessions =
            new RedisConnectSessions(REDIS.client(), REDIS.prefix(), LocalRedis.TIMEOUT);

    @Override
    protected ConnectSessions sessions() {
        return sessions;
    }
}
