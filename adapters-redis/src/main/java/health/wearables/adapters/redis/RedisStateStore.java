package health.wearables.adapters.redis;

import health.wearables.application.port.out.StateStore;
import health.wearables.application.port.out.StateStoreUnavailable;
import health.wearables.domain.FlowKey;
import health.wearables.domain.PendingAuthorization;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.redisson.api.BatchOptions;
import org.redisson.api.BatchResult;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.RedisStrictCommand;
import org.redisson.command.CommandAsyncExecutor;
import org.redisson.command.CommandBatchService;

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
 *
 * <p>With replicas (Sentinel, Cluster) a master answers before its replicas have a write, so a failover can lose the
 * last deletions and bring taken states back. With {@code waitReplicas} above 0 the {@code GETDEL} is followed on the
 * same connection by {@code WAIT waitReplicas <half the timeout>}, and a take that fewer replicas confirmed fails
 * closed with {@link StateStoreUnavailable}: the state is spent where it was deleted, and wherever it survives it is
 * taken once by a confirmed take.
 */
public final class RedisStateStore implements StateStore {
    private static final System.Logger LOG = System.getLogger(RedisStateStore.class.getName());

    /** Not among Redisson 3.52's {@code RedisCommands}; the reply is the bulk string, or nil. */
    static final RedisStrictCommand<String> GETDEL = new RedisStrictCommand<>("GETDEL");

    private final RedissonClient client;
    private final CommandAsyncExecutor commands;
    private final String keyPrefix;
    private final Duration timeout;
    private final int waitReplicas;

    /** A store whose takes wait for no replica (a single Redis). */
    public RedisStateStore(RedissonClient client, String keyPrefix, Duration timeout) {
        this(client, keyPrefix, timeout, 0);
    }

    /**
     * @param client       the client made by {@code Redisson.create} (its command executor sends {@code GETDEL})
     * @param keyPrefix    put before every key, e.g. {@code wearables:}
     * @param timeout      how long a put or take waits for Redis before it fails with {@link StateStoreUnavailable}
     * @param waitReplicas how many replicas must confirm a take before it counts (0: none, no {@code WAIT})
     */
    public RedisStateStore(RedissonClient client, String keyPrefix, Duration timeout, int waitReplicas) {
        this.client = Objects.requireNonNull(client, "client");
        this.commands = RedisReply.executorOf(client);
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.timeout = RedisSettings.positive(timeout, "timeout");
        if (waitReplicas < 0) {
            throw new IllegalArgumentException("waitReplicas must not be negative");
        }
        this.waitReplicas = waitReplicas;
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
        String document = waitReplicas == 0
                ? RedisReply.await(
                        "state store take",
                        timeout,
                        () -> commands.<String, String>writeAsync(key, StringCodec.INSTANCE, GETDEL, key),
                        StateStoreUnavailable::new)
                : takeConfirmed(key);
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

    /** {@code GETDEL}, then {@code WAIT} on the same connection; the document only if enough replicas have the take. */
    private String takeConfirmed(String key) {
        Duration confirmWithin = timeout.dividedBy(2);
        CommandBatchService batch =
                new CommandBatchService(commands, BatchOptions.defaults().sync(waitReplicas, confirmWithin));
        RFuture<String> taken = batch.writeAsync(key, StringCodec.INSTANCE, GETDEL, key);
        BatchResult<?> done =
                RedisReply.await("state store take", timeout, batch::executeAsync, StateStoreUnavailable::new);
        if (done.getSyncedSlaves() < waitReplicas) {
            throw new StateStoreUnavailable(
                    "state store take: " + done.getSyncedSlaves() + " of " + waitReplicas
                            + " replicas confirmed it within " + confirmWithin.toMillis() + " ms",
                    null);
        }
        return taken.toCompletableFuture().join();
    }

    /** The Redis key of a state or token: only its fingerprint, so a reader of Redis cannot replay it. */
    String keyOf(FlowKey flowKey) {
        Objects.requireNonNull(flowKey, "flowKey");
        return keyPrefix + flowKey.namespace() + ":" + flowKey.fingerprint();
    }
}
