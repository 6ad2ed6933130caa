package health.wearables.adapters.redis;

import health.wearables.application.port.out.SeenNotifications;
import health.wearables.application.port.out.SeenNotificationsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The seen notifications contract on the Redis Cluster (three masters with a replica each), with the client made from the documented Redisson file. */
class ClusterSeenNotificationsTest extends SeenNotificationsContract {
    @RegisterExtension
    static final RedisTopologyExtension<RedisClusterTopology> REDIS = RedisTopologyExtension.cluster();

    private final RedisSeenNotifications seen =
            new RedisSeenNotifications(REDIS.client(), REDIS.prefix(), RedisTopology.TIMEOUT);

    @Override
    protected SeenNotifications seen() {
        return seen;
    }
}
