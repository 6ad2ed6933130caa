package health.wearables.adapters.redis;

import health.wearables.application.port.out.SeenNotifications;
import health.wearables.application.port.out.SeenNotificationsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The seen notifications contract on Redis Sentinel (a master and its replica, three sentinels), with the client made from the documented Redisson file. */
class SentinelSeenNotificationsTest extends SeenNotificationsContract {
    @RegisterExtension
    static final RedisTopologyExtension<RedisSentinelTopology> REDIS = RedisTopologyExtension.sentinel();

    private final RedisSeenNotifications seen =
            new RedisSeenNotifications(REDIS.client(), REDIS.prefix(), RedisTopology.TIMEOUT);

    @Override
    protected SeenNotifications seen() {
        return seen;
    }
}
