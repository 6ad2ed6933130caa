package health.wearables.adapters.redis;

import health.wearables.application.port.out.LeaseUnavailable;
import health.wearables.application.port.out.Leases;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.redisson.api.RBucket;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Leases as Redis keys {@code <prefix>lease:<name>}: taken with {@code SET NX PX} holding a random token of the holder,
 * ended by deleting the key, or extended by setting its time to live anew, only if it still holds that token (so a
 * holder whose lease lapsed cannot end or extend the next holder's). Ending a lease never fails: if Redis cannot be
 * reached, the lease lapses by itself.
 *
 * <p>A take whose {@code SET NX} is refused reads the key once: Redisson sends a command again when its answer is late
 * (its {@code retryAttempts}, as in a failover), and a second {@code SET NX} then finds the key the first one wrote,
 * with this taker's own token. Without that read the taker would hold a lease it does not know of, and nobody could
 * take it until it lapsed (the likely cause of a recovery pass seen idle for 30 s after a Sentinel failover).
 */
public final class RedisLeases implements Leases {
    private static final System.Logger LOG = System.getLogger(RedisLeases.class.getName());

    private static final String EXTEND = "if redis.call('get', KEYS[1]) == ARGV[1] then "
            + "return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

    private final RedissonClient client;
    private final String keyPrefix;
    private final Duration timeout;
    private final Supplier<String> tokens;

    public RedisLeases(RedissonClient client, String keyPrefix, Duration timeout) {
        this(client, keyPrefix, timeout, () -> UUID.randomUUID().toString());
    }

    /** With the holders' tokens from {@code tokens}: a test's, to play a take whose command was sent twice. */
    RedisLeases(RedissonClient client, String keyPrefix, Duration timeout, Supplier<String> tokens) {
        this.client = Objects.requireNonNull(client, "client");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix") + "lease:";
        this.timeout = RedisSettings.positive(timeout, "timeout");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public Optional<Lease> take(String name, Duration duration) {
        Duration lifetime = RedisSettings.positive(duration, "duration");
        RBucket<String> bucket =
                client.getBucket(keyPrefix + Objects.requireNonNull(name, "name"), StringCodec.INSTANCE);
        String token = tokens.get();
        boolean taken = RedisReply.await(
                "lease take", timeout, () -> bucket.setIfAbsentAsync(token, lifetime), LeaseUnavailable::new);
        if (!taken && !holdsOwnToken(bucket, token)) {
            return Optional.empty();
        }
        return Optional.of(new Lease() {
            @Override
            public boolean extend(Duration duration) {
                return RedisLeases.this.extend(bucket, token, duration);
            }

            @Override
            public void close() {
                release(bucket, token);
            }
        });
    }

    /** One {@code GET}: whether the key holds this taker's token, which only its own {@code SET NX} can write. */
    private boolean holdsOwnToken(RBucket<String> bucket, String token) {
        return token.equals(RedisReply.await("lease take", timeout, bucket::getAsync, LeaseUnavailable::new));
    }

    /** One script: the key's time to live set anew only while it still holds the holder's token. */
    private boolean extend(RBucket<String> bucket, String token, Duration duration) {
        Duration lifetime = RedisSettings.positive(duration, "duration");
        Long extended = RedisReply.<Long, LeaseUnavailable>await(
                "lease extend",
                timeout,
                () -> client.getScript(StringCodec.INSTANCE)
                        .evalAsync(
                                bucket.getName(),
                                RScript.Mode.READ_WRITE,
                                EXTEND,
                                RScript.ReturnType.INTEGER,
                                List.of(bucket.getName()),
                                token,
                                Long.toString(lifetime.toMillis())),
                LeaseUnavailable::new);
        return extended != null && extended == 1L;
    }

    /** One {@code EXISTS}: a lapsed lease's key has expired. */
    @Override
    public boolean isHeld(String name) {
        RBucket<String> bucket =
                client.getBucket(keyPrefix + Objects.requireNonNull(name, "name"), StringCodec.INSTANCE);
        return RedisReply.await("lease held", timeout, bucket::isExistsAsync, LeaseUnavailable::new);
    }

    private void release(RBucket<String> bucket, String token) {
        try {
            RedisReply.await(
                    "lease release", timeout, () -> bucket.compareAndSetAsync(token, null), LeaseUnavailable::new);
        } catch (LeaseUnavailable e) {
            LOG.log(Level.DEBUG, "A lease could not be ended ({0}); it lapses by itself", e.getMessage());
        }
    }
}
