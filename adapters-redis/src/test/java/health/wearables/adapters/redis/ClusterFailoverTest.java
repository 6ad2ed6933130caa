package health.wearables.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;

/**
 * Every master of the Redis Cluster that holds anything of a gateway fails over to its replica ({@code CLUSTER
 * FAILOVER}) in the middle of two instances taking states; the adapters made before go on through the same client.
 */
class ClusterFailoverTest {
    @RegisterExtension
    static final RedisTopologyExtension<RedisClusterTopology> REDIS = RedisTopologyExtension.cluster();

    @Test
    void after_each_master_failed_over_no_state_is_taken_twice_and_credentials_jobs_and_revocations_are_all_there()
            throws Exception {
        RedisClusterTopology cluster = REDIS.topology();
        FailoverScenario scenario = new FailoverScenario(REDIS.topology(), REDIS.client(), REDIS.prefix());
        scenario.prepare();
        cluster.awaitReplicated();
        List<RedisClusterTopology.Node> layout = cluster.masters();
        Set<Integer> masters = FailoverScenario.mastersOf(scenario.keys(), REDIS.client(), layout)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(masters).as("the scenario's keys are on every master").hasSize(3);
        assertThat(RedisClusterTopology.masterOf(
                        layout, REDIS.client().getKeys().getSlot(SyncKeys.stream(REDIS.prefix()))))
                .as("the sync queue's master fails over too")
                .isIn(masters);

        RedissonClient second = cluster.openClient();
        try (FailoverScenario.Race race = scenario.race(REDIS.client(), second)) {
            race.awaitUnderWay();
            Set<Integer> newMasters = new TreeSet<>();
            for (int master : masters) {
                newMasters.add(cluster.failover(master));
            }
            race.endOfFailover();

            assertThat(cluster.mastersAndReplicas().keySet()).containsExactlyInAnyOrderElementsOf(newMasters);
            RedisTopology.await(
                    "the client knows the new masters",
                    Duration.ofSeconds(10),
                    () -> mastersKnownTo(REDIS.client()).equals(newMasters));
            scenario.verify(race);
        } finally {
            second.shutdown();
        }
    }

    private static Set<Integer> mastersKnownTo(RedissonClient client) {
        return client.getRedisNodes(RedisNodes.CLUSTER).getMasters().stream()
                .map(master -> master.getAddr().getPort())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
