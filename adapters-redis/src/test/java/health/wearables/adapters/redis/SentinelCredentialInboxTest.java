package health.wearables.adapters.redis;

import health.wearables.application.port.out.CredentialInbox;
import health.wearables.application.port.out.CredentialInboxContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The credential inbox contract on Redis Sentinel (a master and its replica, three sentinels), with the client made from the documented Redisson file. */
class SentinelCredentialInboxTest extends CredentialInboxContract {
    @RegisterExtension
    static final RedisTopologyExtension<RedisSentinelTopology> REDIS = RedisTopologyExtension.sentinel();

    private final RedisCredentialInbox inbox =
            new RedisCredentialInbox(REDIS.client(), REDIS.prefix(), RedisTopology.TIMEOUT);

    @Override
    protected CredentialInbox inbox() {
        return inbox;
    }
}
