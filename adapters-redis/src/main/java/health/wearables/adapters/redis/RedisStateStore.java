package health.wearables.adapters.redis;

import health.wearables.application.port.out.StateStore;
import health.wearables.application.port.out.StateStoreUnavailable;
import health.wearables.domain.FlowKey;
import health.wearables.domain.PendingAuthorization;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.RedisStrictCommand;
import org.redisson.command.CommandAsyncExecutor;

/**
 * Pending authorizations in Redis, one string key per state: {@code <prefix>state:<SHA-256 hex of the state>} (for
 * OAuth 1.0a {@code <prefix>oauth1-token:<SHA-256 hex of the temporary token>}) holding the
 * {@link PendingAuthorizationJson} document, written with {@code PSETEX} so it expires after the given TTL to the
 * millisecond. The raw state or token is never sent to Redis.
 *
 * <p>{@link #take} sends Redis's own {@code GETDEL} (Redis 6.2 or later): one atomic command, so of any number of
 * concurrent takes exactly one gets the record. (Redisson's {@code RBucket.getAndDelete} would run a Lua script
 * instead.) The value is handed to Redisson as an encoded buffer, so Redisson's error messages, which list a command's
 * arguments, show the key and a buffer size but never the document.
 */
public final class RedisStateStore implements StateStore {
    private static final System.Logger LOG = System.getLogger(RedisStateStore.class.getName());

    /** Not among Redisson 3.52's {@code RedisCommands}; the reply is the bulk string, or nil. */
    static final RedisStrictCommand<String> GETDEL = new RedisStrictCommand<>("GETDEL");

    private final RedissonClient client;
    private final CommandAsyncExecutor commands;
    private final String keyPrefix;
    private final Duration timeout;

    /**
     * @param client    the client made by {@code Redisson.create} (its command executor sends {@code GETDEL})
     * @param keyPrefix put before every key, e.g. {@code wearables:}
     * @param timeout   how long a put or take waits for Redis before it fails with {@link StateStoreUnavailable}
     */
    public RedisStateStore(RedissonClient client, String keyPrefix, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.commands = RedisReply.executorOf(client);
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.timeout = RedisSettings.positive(timeout, "timeout");
    }

    @Override
    public void put(FlowKey flowKey, PendingAuthorization pending, Duration ttl) {
        Objects.requireNonNull(pending, "pending");
        Duration lifetime = RedisSettings.positive(ttl, "ttl");
        String key = keyOf(flowKey);
        String document = PendingAuthorizationJson.write(pending);
        RedisReply.await(
                "state store put",
                timeout,
                () -> client.<String>getBucket(key, StringCodec.INSTANCE).setAsync(document, lifetime),
                StateStoreUnavailable::new);
    }

    @Override
    public Optional<PendingAuthorization> take(FlowKey flowKey) {
        String key = keyOf(flowKey);
        String document = RedisReply.await(
                "state store take",
                timeout,
                () -> commands.<String, String>writeAsync(key, StringCodec.INSTANCE, GETDEL, key),
                StateStoreUnavailable::new);
        if (document == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(PendingAuthorizationJson.read(document));
        } catch (StoredJson.Unreadable e) {
            LOG.log(
                    Level.WARNING,
                    "Discarded an unreadable pending authorization record ({0}); the state is treated " + "as unknown",
                    e.getMessage());
            return Optional.empty();
        }
    }

    /** The Redis key of a state or token: only its fingerprint, so a reader of Redis cannot replay it. */
    String keyOf(FlowKey flowKey) {
        Objects.requireNonNull(flowKey, "flowKey");
        return keyPrefix + flowKey.namespace() + ":" + flowKey.fingerprint();
    }
}
