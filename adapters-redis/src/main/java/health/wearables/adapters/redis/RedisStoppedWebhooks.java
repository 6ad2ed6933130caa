package health.wearables.adapters.redis;

import health.wearables.application.port.out.LeaseUnavailable;
import health.wearables.application.port.out.StoppedWebhooks;
import health.wearables.domain.ProjectId;
import health.wearables.domain.events.WebhookTarget;
import java.time.Duration;
import java.util.Objects;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The webhook URLs that answered {@code 410}, one key per project and URL (the URL's fingerprint, never the URL or the
 * secret), kept for a year: configuring another URL makes another key, so delivery starts again by itself.
 */
public final class RedisStoppedWebhooks implements StoppedWebhooks {
    private static final Duration KEPT = Duration.ofDays(365);

    private final RedissonClient client;
    private final String keyPrefix;
    private final Duration timeout;

    public RedisStoppedWebhooks(RedissonClient client, String keyPrefix, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix") + "webhook-gone:";
        this.timeout = RedisSettings.positive(timeout, "timeout");
    }

    @Override
    public void stop(ProjectId project, WebhookTarget target) {
        RBucket<String> key = key(project, target);
        RedisReply.await("webhook stop", timeout, () -> key.setAsync("410", KEPT), LeaseUnavailable::new);
    }

    @Override
    public boolean isStopped(ProjectId project, WebhookTarget target) {
        RBucket<String> key = key(project, target);
        return RedisReply.await("webhook stopped", timeout, key::isExistsAsync, LeaseUnavailable::new);
    }

    private RBucket<String> key(ProjectId project, WebhookTarget target) {
        return client.getBucket(keyPrefix + project.value() + ":" + target.urlFingerprint(), StringCodec.INSTANCE);
    }
}
