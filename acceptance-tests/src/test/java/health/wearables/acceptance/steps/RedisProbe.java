package health.wearables.acceptance.steps;

import health.wearables.domain.StateToken;
import io.cucumber.java.AfterAll;
import java.time.Duration;
import java.util.Map;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/** A look into the gateway's Redis, as an operator would take: what states exist, what syncs are queued. */
public final class RedisProbe {
    private static RedissonClient client;

    private static synchronized RedissonClient client() {
        if (client == null) {
            Config config = new Config();
            config.useSingleServer().setAddress(Settings.get("redis.address"));
            client = Redisson.create(config);
        }
        return client;
    }

    @AfterAll
    public static void close() {
        if (client != null) {
            client.shutdown();
        }
    }

    /** Makes the state expire now, exactly as its TTL running out would. */
    void expire(String state) throws InterruptedException {
        String key = "wearables:state:" + new StateToken(state).fingerprint();
        boolean existed = client().getBucket(key, StringCodec.INSTANCE).expire(Duration.ofMillis(1));
        if (!existed) {
            throw new IllegalStateException("the state was not in Redis under its hashed key");
        }
        Thread.sleep(20);
    }

    /** The sync jobs queued for a patient. */
    long syncJobsFor(String patientId) {
        Map<StreamMessageId, Map<String, String>> entries = client()
                .<String, String>getStream("wearables:sync", StringCodec.INSTANCE)
                .range(StreamMessageId.MIN, StreamMessageId.MAX);
        return entries.values().stream().filter(fields -> patientId.equals(fields.get("patient"))).count();
    }
}
