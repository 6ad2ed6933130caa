package health.wearables.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.stream.StreamCreateGroupArgs;
import org.redisson.client.codec.StringCodec;

/**
 * The migration of the sync queue's keys ({@link SyncKeys#migrate}) on one topology: the single Redis
 * ({@link SyncKeysTest}) or a cluster ({@link ClusterSyncKeysTest}), where the old and the new names are in different
 * slots. The migration runs at every start, so the start of a deployment without old keys must say nothing.
 */
abstract class SyncKeysCases {
    protected abstract RedissonClient client();

    protected abstract String prefix();

    @Test
    void the_keys_of_an_older_version_are_renamed_with_their_jobs_group_and_dead_letters_and_only_once() {
        String prefix = prefix() + "old:";
        RStream<String, String> old = client().getStream(prefix + "sync", StringCodec.INSTANCE);
        old.add(StreamAddArgs.entries(Map.of("patient", "amara")));
        old.createGroup(StreamCreateGroupArgs.name("workers").id(StreamMessageId.ALL));
        client().getScoredSortedSet(prefix + "sync:delayed", StringCodec.INSTANCE)
                .add(1, "job");
        client().<String, String>getStream(prefix + "sync:dead", StringCodec.INSTANCE)
                .add(StreamAddArgs.entries(Map.of("reason", "gave up")));

        try (Warnings warnings = new Warnings()) {
            assertThat(SyncKeys.migrate(client(), prefix, RedisTopology.TIMEOUT))
                    .isEqualTo(3);
            assertThat(SyncKeys.migrate(client(), prefix, RedisTopology.TIMEOUT))
                    .isZero();
            assertThat(warnings.messages()).as("warnings").isEmpty();
        }

        RStream<String, String> stream = client().getStream(SyncKeys.stream(prefix), StringCodec.INSTANCE);
        assertThat(stream.size()).isEqualTo(1);
        assertThat(stream.listGroups()).extracting(group -> group.getName()).containsExactly("workers");
        assertThat(client().getScoredSortedSet(SyncKeys.delayed(prefix), StringCodec.INSTANCE)
                        .size())
                .isEqualTo(1);
        assertThat(client().getStream(SyncKeys.dead(prefix), StringCodec.INSTANCE)
                        .size())
                .isEqualTo(1);
        assertThat(client().getKeys().countExists(prefix + "sync", prefix + "sync:delayed", prefix + "sync:dead"))
                .isZero();
    }

    @Test
    void keys_of_this_version_are_never_overwritten_by_old_ones() {
        String prefix = prefix() + "both:";
        client().getBucket(prefix + "sync", StringCodec.INSTANCE).set("old");
        client().getBucket(SyncKeys.stream(prefix), StringCodec.INSTANCE).set("new");

        assertThat(SyncKeys.migrate(client(), prefix, RedisTopology.TIMEOUT)).isZero();

        assertThat(client().getBucket(SyncKeys.stream(prefix), StringCodec.INSTANCE)
                        .get())
                .isEqualTo("new");
        assertThat(client().getBucket(prefix + "sync", StringCodec.INSTANCE).get())
                .isEqualTo("old");
    }

    @Test
    void a_start_without_old_keys_moves_nothing_and_warns_of_nothing() {
        String prefix = prefix() + "fresh:";
        client().<String, String>getStream(SyncKeys.stream(prefix), StringCodec.INSTANCE)
                .add(StreamAddArgs.entries(Map.of("patient", "amara")));

        try (Warnings warnings = new Warnings()) {
            assertThat(SyncKeys.migrate(client(), prefix, RedisTopology.TIMEOUT))
                    .isZero();
            assertThat(warnings.messages()).as("warnings").isEmpty();
        }
        assertThat(client().getStream(SyncKeys.stream(prefix), StringCodec.INSTANCE)
                        .size())
                .isEqualTo(1);
    }

    @Test
    void the_three_keys_share_one_hash_tag() {
        assertThat(SyncKeys.stream("p:")).isEqualTo("p:{sync}");
        assertThat(SyncKeys.delayed("p:")).isEqualTo("p:{sync}:delayed");
        assertThat(SyncKeys.dead("p:")).isEqualTo("p:{sync}:dead");
    }

    /** The WARNs of {@link SyncKeys} while open ({@link System.Logger} goes to {@code java.util.logging} here). */
    static final class Warnings extends Handler implements AutoCloseable {
        private final Logger logger = Logger.getLogger(SyncKeys.class.getName());
        private final List<String> messages = new ArrayList<>();

        Warnings() {
            setLevel(Level.WARNING);
            logger.addHandler(this);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            if (isLoggable(record)) {
                messages.add(record.getMessage() + " "
                        + List.of(record.getParameters() == null ? new Object[0] : record.getParameters()));
            }
        }

        synchronized List<String> messages() {
            return List.copyOf(messages);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }
}
