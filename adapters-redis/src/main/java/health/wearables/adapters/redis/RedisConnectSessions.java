package health.wearables.adapters.redis;

import health.wearables.application.port.out.ConnectSessions;
import health.wearables.application.port.out.StateStoreUnavailable;
import health.wearables.domain.connect.ConnectSession;
import health.wearables.domain.connect.ConnectSessionToken;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.command.CommandAsyncExecutor;

/**
 * Connect sessions in Redis, as the states are kept: one string key per session,
 * {@code <prefix>connect-session:<SHA-256 hex of the token>}, holding the {@link ConnectSessionJson} document, written
 * with {@code PSETEX} so it expires after the TTL to the millisecond. {@link #find} is a plain {@code GET};
 * {@link #take} is Redis's own {@code GETDEL} ({@link RedisStateStore#GETDEL}), one atomic command, so of any number of
 * concurrent choices on one page exactly one gets the session. The raw token is never sent to Redis.
 *
 * <p>Unlike a state's take, a session's take does not wait for replicas: a failover that brings back a used session
 * lets the patient choose once more on a page whose patient and project are fixed, and the state that choice mints is
 * itself single-use.
 */
public final class RedisConnectSessions implements ConnectSessions {
    private static final System.Logger LOG = System.getLogger(RedisConnectSessions.class.getName());

    private final RedissonClient client;
    private final CommandAsyncExecutor commands;
    private final String keyPrefix;
    private final Duration timeout;

    /**
     * @param client    the client made by {@code Redisson.create} (its command executor sends {@code GETDEL})
     * @param keyPrefix put before every key, e.g. {@code wearables:}
     * @param timeout   how long a command waits for Redis before it fails with {@link StateStoreUnavailable}
     */
    public RedisConnectSessions(RedissonClient client, String keyPrefix, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.commands = RedisReply.executorOf(client);
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.timeout = RedisSettings.positive(timeout, "timeout");
    }

    @Override
    public void put(ConnectSessionToken token, ConnectSession session, Duration ttl) {
        Objects.requireNonNull(session, "session");
        Duration lifetime = RedisSettings.positive(ttl, "ttl");
        String key = keyOf(token);
        String document = ConnectSessionJson.write(session);
        RedisReply.await(
                "connect session put",
                timeout,
                () -> client.<String>getBucket(key, StringCodec.INSTANCE).setAsync(document, lifetime),
                StateStoreUnavailable::new);
    }

    @Override
    public Optional<ConnectSession> find(ConnectSessionToken token) {
        String key = keyOf(token);
        return readable(RedisReply.await(
                "connect session find",
                timeout,
                () -> client.<String>getBucket(key, StringCodec.INSTANCE).getAsync(),
                StateStoreUnavailable::new));
    }

    @Override
    public Optional<ConnectSession> take(ConnectSessionToken token) {
        String key = keyOf(token);
        return readable(RedisReply.await(
                "connect session take",
                timeout,
                () -> commands.<String, String>writeAsync(key, StringCodec.INSTANCE, RedisStateStore.GETDEL, key),
                StateStoreUnavailable::new));
    }

    private static Optional<ConnectSession> readable(String document) {
        if (document == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ConnectSessionJson.read(document));
        } catch (StoredJson.Unreadable e) {
            LOG.log(
                    Level.WARNING,
                    "Ignored an unreadable connect session record ({0}); the link is treated as unknown",
                    e.getMessage());
            return Optional.empty();
        }
    }

    /** The Redis key of a session: only the token's fingerprint, so a reader of Redis cannot use the link. */
    String keyOf(ConnectSessionToken token) {
        Objects.requireNonNull(token, "token");
        return keyPrefix + "connect-session:" + token.fingerprint();
    }
}
