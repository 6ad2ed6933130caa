package health.wearables.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;

/**
 * The sentinels fail the master over to its replica ({@code SENTINEL FAILOVER}) in the middle of two instances taking
 * states; the adapters made before go on through the same client.
 */
class SentinelFailoverTest {
    @RegisterExtension
    static final RedisTopologyExtension<RedisSentinelTopology> REDIS = RedisTopologyExtension.sentinel();

    @Test
    void after_the_master_failed_over_no_state_is_taken_twice_and_credentials_jobs_and_revocations_are_all_there()
            throws Exception {
        RedisSentinelTopology sentinel = REDIS.topology();
        FailoverScenario scenario = new FailoverScenario(REDIS.topology(), REDIS.client(), REDIS.prefix());
        scenario.prepare();
        sentinel.awaitReplicated();
        int oldMaster = sentinel.master();
        assertThat(masterKnownTo(REDIS.client())).isEqualTo(oldMaster);

        RedissonClient second = sentinel.openClient();
        try (FailoverScenario.Race race = scenario.race(REDIS.client(), second)) {
            race.awaitUnderWay();
            int newMaster = sentinel.failover();
            race.endOfFailover();

            assertThat(newMaster).isNotEqualTo(oldMaster);
            RedisTopology.await(
                    "the client knows the new master",
                    Duration.ofSeconds(10),
                    () -> masterKnownTo(REDIS.client()) == newMaster);
            scenario.verify(race);
        } finally {
            second.shutdown();
        }
    }

    private static int masterKnownTo(RedissonClient client) {
        return client.getRedisNodes(RedisNodes.SENTINEL_MASTER_SLAVE)
                .getMaster()
                .getAddr()
                .getPort();
    }
}
