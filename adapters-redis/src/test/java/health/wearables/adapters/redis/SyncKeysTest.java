package health.wearables.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;

/** The sync keys' migration on the single Redis, and a Redis that fails during it. */
class SyncKeysTest extends SyncKeysCases {
    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    @Override
    protected RedissonClient client() {
        return REDIS.client();
    }

    @Override
    protected String prefix() {
        return REDIS.prefix();
    }

    @Test
    void a_redis_that_fails_is_a_warning_for_each_key_and_moves_nothing() {
        RedissonClient gone = LocalRedis.connect(REDIS.prefix());
        gone.shutdown();

        try (Warnings warnings = new Warnings()) {
            assertThat(SyncKeys.migrate(gone, REDIS.prefix(), LocalRedis.TIMEOUT))
                    .isZero();
            assertThat(warnings.messages())
                    .hasSize(3)
                    .allSatisfy(message -> assertThat(message).contains("not migrated"));
        }
    }
}
