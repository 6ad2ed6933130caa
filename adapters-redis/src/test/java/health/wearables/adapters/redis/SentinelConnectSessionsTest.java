package health.wearables.adapters.redis;

import health.wearables.application.port.out.ConnectSessions;
import health.wearables.application.port.out.ConnectSessionsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The connect sessions contract on Redis Sentinel (a master and its replica, three sentinels),
 * with the client made from the documented Redisson file.
 */
class SentinelConnectSessionsTest extends ConnectSessionsContract {
    @RegisterExtension
    static final RedisTopologyExtension<RedisSentinelTopology> REDIS = RedisTopologyExtension.sentinel();

    private final RedisConnectSessions sessions =
            new RedisConnectSessions(REDIS.client(), REDIS.prefix(), LocalRedis.TIMEOUT);

    @Override
    protected ConnectSessions sessions() {
        return sessions;
    }
}
