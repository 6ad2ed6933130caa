package health.wearables.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RStream;
import org.redisson.api.StreamMessageId;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.stream.StreamCreateGroupArgs;
import org.redisson.client.codec.StringCodec;

class SyncKeysTest {
    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    @Test
    void the_keys_of_an_older_version_are_renamed_with_their_jobs_group_and_dead_letters_and_only_once() {
        String prefix = REDIS.prefix() + "old:";
        RStream<String, String> old = REDIS.client().getStream(prefix + "sync", StringCodec.INSTANCE);
        old.add(StreamAddArgs.entries(Map.of("patient", "amara")));
        old.createGroup(StreamCreateGroupArgs.name("workers").id(StreamMessageId.ALL));
        REDIS.client()
                .getScoredSortedSet(prefix + "sync:delayed", StringCodec.INSTANCE)
                .add(1, "job");
        REDIS.client()
                .<String, String>getStream(prefix + "sync:dead", StringCodec.INSTANCE)
                .add(StreamAddArgs.entries(Map.of("reason", "gave up")));

        assertThat(SyncKeys.migrate(REDIS.client(), prefix, LocalRedis.TIMEOUT)).isEqualTo(3);
        assertThat(SyncKeys.migrate(REDIS.client(), prefix, LocalRedis.TIMEOUT)).isZero();

        RStream<String, String> stream = REDIS.client().getStream(SyncKeys.stream(prefix), StringCodec.INSTANCE);
        assertThat(stream.size()).isEqualTo(1);
        assertThat(stream.listGroups()).extracting(group -> group.getName()).containsExactly("workers");
        assertThat(REDIS.client()
                        .getScoredSortedSet(SyncKeys.delayed(prefix), StringCodec.INSTANCE)
                        .size())
                .isEqualTo(1);
        assertThat(REDIS.client()
                        .getStream(SyncKeys.dead(prefix), StringCodec.INSTANCE)
                        .size())
                .isEqualTo(1);
        assertThat(REDIS.client().getKeys().countExists(prefix + "sync", prefix + "sync:delayed", prefix + "sync:dead"))
                .isZero();
    }

    @Test
    void keys_of_this_version_are_never_overwritten_by_old_ones() {
        String prefix = REDIS.prefix() + "both:";
        REDIS.client().getBucket(prefix + "sync", StringCodec.INSTANCE).set("old");
        REDIS.client().getBucket(SyncKeys.stream(prefix), StringCodec.INSTANCE).set("new");

        assertThat(SyncKeys.migrate(REDIS.client(), prefix, LocalRedis.TIMEOUT)).isZero();

        assertThat(REDIS.client()
                        .getBucket(SyncKeys.stream(prefix), StringCodec.INSTANCE)
                        .get())
                .isEqualTo("new");
        assertThat(REDIS.client()
                        .getBucket(prefix + "sync", StringCodec.INSTANCE)
                        .get())
                .isEqualTo("old");
    }

    @Test
    void the_three_keys_share_one_hash_tag() {
        assertThat(SyncKeys.stream("p:")).isEqualTo("p:{sync}");
        assertThat(SyncKeys.delayed("p:")).isEqualTo("p:{sync}:delayed");
        assertThat(SyncKeys.dead("p:")).isEqualTo("p:{sync}:dead");
    }
}
