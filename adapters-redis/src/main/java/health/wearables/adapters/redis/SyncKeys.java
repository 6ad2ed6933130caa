package health.wearables.adapters.redis;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The sync queue's keys: the stream {@code <prefix>{sync}}, the jobs given back until a time {@code
 * <prefix>{sync}:delayed} and the dead letters {@code <prefix>{sync}:dead}. One Lua script moves jobs between them, so
 * they share the hash tag {@code {sync}} and live in one slot of a cluster.
 *
 * <p>Versions before 0.2 named them without the tag ({@code <prefix>sync}, …); {@link #migrate} renames those at start,
 * where they are and the new ones are not, so that an upgrade keeps the jobs waiting and the dead letters. Such keys
 * can only come from a single Redis or a sentinel's master (the old names never worked in a cluster), where a rename
 * between slots is allowed.
 */
final class SyncKeys {
    private static final System.Logger LOG = System.getLogger(SyncKeys.class.getName());
    private static final String RENAME_IF_OLD_ONLY = "if redis.call('exists', KEYS[1]) == 1 "
            + "and redis.call('exists', KEYS[2]) == 0 then redis.call('rename', KEYS[1], KEYS[2]); return 1 end; "
            + "return 0";

    private SyncKeys() {}

    static String stream(String prefix) {
        return prefix + "{sync}";
    }

    static String delayed(String prefix) {
        return prefix + "{sync}:delayed";
    }

    static String dead(String prefix) {
        return prefix + "{sync}:dead";
    }

    /** Renames the keys of an older version; how many it renamed. Refused (a cluster, a failure): a WARN and 0. */
    static int migrate(RedissonClient client, String prefix, Duration timeout) {
        int renamed = 0;
        for (List<String> pair : List.of(
                List.of(prefix + "sync", stream(prefix)),
                List.of(prefix + "sync:delayed", delayed(prefix)),
                List.of(prefix + "sync:dead", dead(prefix)))) {
            try {
                Long done = RedisReply.await(
                        "sync key migration",
                        timeout,
                        () -> client.getScript(StringCodec.INSTANCE)
                                .<Long>evalAsync(
                                        pair.get(0),
                                        RScript.Mode.READ_WRITE,
                                        RENAME_IF_OLD_ONLY,
                                        RScript.ReturnType.INTEGER,
                                        List.<Object>copyOf(pair)),
                        IllegalStateException::new);
                if (done != null && done == 1L) {
                    renamed++;
                    LOG.log(Level.INFO, "sync queue key {0} renamed to {1}", pair.get(0), pair.get(1));
                }
            } catch (RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        "sync queue key {0} not migrated ({1}); jobs under it are not taken",
                        pair.get(0),
                        e.getMessage());
            }
        }
        return renamed;
    }
}
