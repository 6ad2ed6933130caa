package health.wearables.adapters.redis;

import health.wearables.application.port.out.SeenNotifications;
import health.wearables.application.port.out.SeenNotificationsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisSeenNotificationsTest extends SeenNotificationsContract {
    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    private final RedisSeenNotifications seen =
            new RedisSeenNotifications(REDIS.client(), REDIS.prefix(), LocalRedis.TIMEOUT);

    @Override
    protected SeenNotifications seen() {
        return seen;
    }
}
