package health.wearables.adapters.redis;

import health.wearables.application.port.out.LeaseUnavailable;
import health.wearables.application.port.out.SeenNotifications;
import health.wearables.domain.Hashing;
import java.time.Duration;
import java.util.Objects;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The notifications already taken, as keys set with {@code SET NX PX} under a hash of their fingerprint (a signature
 * is not kept as it came): the first instance to set one takes the notification, every later one within the window
 * finds it and refuses the replay.
 */
public final class RedisSeenNotifications implements SeenNotifications {
    private final RedissonClient client;
    private final String keyPrefix;
    private final Duration timeout;

    public RedisSeenNotifications(RedissonClient client, String keyPrefix, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix") + "seen:";
        this.timeout = RedisSettings.positive(timeout, "timeout");
    }

    @Override
    public boolean firstTime(String fingerprint, Duration keepFor) {
        Duration lifetime = RedisSettings.positive(keepFor, "keepFor");
        RBucket<String> seen = bucketOf(fingerprint);
        return RedisReply.await(
                "notification seen", timeout, () -> seen.setIfAbsentAsync("1", lifetime), LeaseUnavailable::new);
    }

    @Override
    public void forget(String fingerprint) {
        RBucket<String> seen = bucketOf(fingerprint);
        RedisReply.await("notification forget", timeout, seen::deleteAsync, LeaseUnavailable::new);
    }

    private RBucket<String> bucketOf(String fingerprint) {
        return client.getBucket(keyPrefix + Hashing.sha256Hex(fingerprint), StringCodec.INSTANCE);
    }
}
