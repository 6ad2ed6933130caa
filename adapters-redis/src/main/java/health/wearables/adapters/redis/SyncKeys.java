package health.wearables.adapters.redis;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.client.codec.StringCodec;

/**
 * The sync queue's keys: the stream {@code <prefix>{sync}}, the jobs given back until a time {@code
 * <prefix>{sync}:delayed} and the dead letters {@code <prefix>{sync}:dead}. One Lua script moves jobs between them, so
 * they share the hash tag {@code {sync}} and live in one slot of a cluster.
 *
 * <p>Versions before 0.2 named them without the tag ({@code <prefix>sync}, …); {@link #migrate} moves those at start,
 * where they are and the new ones are not, so that an upgrade keeps the jobs waiting and the dead letters. Each old key
 * is first looked for on its own ({@code EXISTS}, valid on every topology): where there is none, which is every start
 * after the first of this version and every start on a cluster, nothing else is sent and nothing is logged. An old key
 * found on a single Redis or a sentinel's master is renamed in one script, atomically. On a cluster the old and the new
 * name hash to different slots, where neither a script with both keys nor {@code RENAME} is allowed, so it is moved
 * with {@code DUMP}, {@code RESTORE} (which refuses to overwrite a key of this version) and {@code DEL}; the old names
 * never worked on a cluster, so it finds none there unless someone made them.
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

    /**
     * Moves the keys of an older version to this version's names; how many it moved. An old key next to a new one of
     * the same name is left alone (the new one is never overwritten). A key that could not be moved (Redis failed or
     * refused): a WARN, and it is not counted.
     */
    static int migrate(RedissonClient client, String prefix, Duration timeout) {
        boolean cluster = client.getConfig().isClusterConfig();
        int moved = 0;
        for (List<String> pair : List.of(
                List.of(prefix + "sync", stream(prefix)),
                List.of(prefix + "sync:delayed", delayed(prefix)),
                List.of(prefix + "sync:dead", dead(prefix)))) {
            String old = pair.get(0);
            String current = pair.get(1);
            try {
                if (!exists(client, old, timeout)) {
                    continue;
                }
                boolean done = cluster
                        ? moveAcrossSlots(client, old, current, timeout)
                        : renameIfOldOnly(client, old, current, timeout);
                if (done) {
                    moved++;
                    LOG.log(Level.INFO, "sync queue key {0} renamed to {1}", old, current);
                } else {
                    LOG.log(Level.INFO, "sync queue key {0} left as it is: {1} exists already", old, current);
                }
            } catch (RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        "sync queue key {0} not migrated ({1}); jobs under it are not taken",
                        old,
                        e.getMessage());
            }
        }
        return moved;
    }

    private static boolean exists(RedissonClient client, String key, Duration timeout) {
        Long found = RedisReply.await(
                "sync key migration",
                timeout,
                () -> client.getKeys().countExistsAsync(key),
                IllegalStateException::new);
        return found != null && found > 0;
    }

    /** One script with both keys: only where they may be in one script, a single Redis or a sentinel's master. */
    private static boolean renameIfOldOnly(RedissonClient client, String old, String current, Duration timeout) {
        Long done = RedisReply.await(
                "sync key migration",
                timeout,
                () -> client.getScript(StringCodec.INSTANCE)
                        .<Long>evalAsync(
                                old,
                                RScript.Mode.READ_WRITE,
                                RENAME_IF_OLD_ONLY,
                                RScript.ReturnType.INTEGER,
                                List.of(old, current)),
                IllegalStateException::new);
        return done != null && done == 1L;
    }

    /**
     * Commands of one key each, each sent to its own slot's master. RESTORE without REPLACE fails on a key that exists,
     * so a new key made between the look and the move is not overwritten (the failure is a WARN, the old key stays).
     */
    private static boolean moveAcrossSlots(RedissonClient client, String old, String current, Duration timeout) {
        if (exists(client, current, timeout)) {
            return false;
        }
        byte[] dump = RedisReply.await(
                "sync key migration",
                timeout,
                () -> client.getBucket(old, ByteArrayCodec.INSTANCE).dumpAsync(),
                IllegalStateException::new);
        if (dump == null) {
            return false; // gone since it was looked for
        }
        RedisReply.await(
                "sync key migration",
                timeout,
                () -> client.getBucket(current, ByteArrayCodec.INSTANCE).restoreAsync(dump),
                IllegalStateException::new);
        RedisReply.await(
                "sync key migration", timeout, () -> client.getKeys().deleteAsync(old), IllegalStateException::new);
        return true;
    }
}
