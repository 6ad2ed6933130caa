package health.wearables.acceptance.steps;

import health.wearables.adapters.redis.RedisSettings;
import health.wearables.domain.Hashing;
import health.wearables.domain.StateToken;
import io.cucumber.java.AfterAll;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.redisson.Redisson;
import org.redisson.api.RType;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * A look into the gateway's Redis, as an operator would take: what states exist, what syncs are queued, what
 * credentials wait for the FHIR store. It can also put something that is not a stream where the sync stream belongs,
 * so that the gateway's XADD fails (WRONGTYPE), and put the stream back.
 *
 * <p>On the single Redis by its address; in a run on a topology ({@code -P redis-cluster} or {@code -P
 * redis-sentinel}) through the Redisson file the gateway instances were given, so that it finds every key on whichever
 * master holds it now. The keys it reads or writes together share the hash tag {@code {sync}}, as the gateway's do.
 */
public final class RedisProbe {
    private static RedissonClient client;

    /**
     * The run's own key prefix on the shared Redis (see the acceptance pom). Read when first used, not when a step
     * class that holds a probe is made: a conformance run makes them all, and has no Redis to look into.
     */
    private static String prefix() {
        return Settings.get("redis.key-prefix");
    }

    private static String syncStream() {
        return prefix() + "{sync}";
    }

    private static String syncStreamAside() {
        return prefix() + "{sync}:set-aside-by-the-acceptance-tests";
    }

    private static synchronized RedissonClient client() {
        if (client == null) {
            client = Settings.redisConfigFile()
                    .map(file -> new RedisSettings(
                                    RedisSettings.DEFAULT_ADDRESS, Optional.of(file), Duration.ofSeconds(2), prefix())
                            .open())
                    .orElseGet(() -> {
                        Config config = new Config();
                        config.useSingleServer().setAddress(Settings.get("redis.address"));
                        return Redisson.create(config);
                    });
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
        String key = prefix() + "state:" + new StateToken(state).fingerprint();
        boolean existed = client().getBucket(key, StringCodec.INSTANCE).expire(Duration.ofMillis(1));
        if (!existed) {
            throw new IllegalStateException("the state was not in Redis under its hashed key");
        }
        Thread.sleep(20);
    }

    /** Lets a connect link's session expire now, as 30 minutes would. */
    void expireConnectLink(String token) throws InterruptedException {
        String key = prefix() + "connect-session:" + Hashing.sha256Hex(token);
        boolean existed = client().getBucket(key, StringCodec.INSTANCE).expire(Duration.ofMillis(1));
        if (!existed) {
            throw new IllegalStateException("the connect link's session was not in Redis under its hashed key");
        }
        Thread.sleep(20);
    }

    /** The sync jobs queued for a patient. */
    long syncJobsFor(String patientId) {
        Map<StreamMessageId, Map<String, String>> entries = client().<String, String>getStream(
                        syncStream(), StringCodec.INSTANCE)
                .range(StreamMessageId.MIN, StreamMessageId.MAX);
        return entries.values().stream()
                .filter(fields -> patientId.equals(fields.get("patient")))
                .count();
    }

    /** The sync jobs of a patient waiting to be tried again later (the delayed set), or still in the stream. */
    long waitingSyncJobsFor(String patientId) {
        return delayedSyncJobsFor(patientId) + syncJobsFor(patientId);
    }

    /** The sync jobs of a patient given back until a time (the delayed set): a rate limit, a backoff. */
    long delayedSyncJobsFor(String patientId) {
        return client().<String>getScoredSortedSet(syncStream() + ":delayed", StringCodec.INSTANCE).readAll().stream()
                .filter(member -> member.contains("\"" + patientId + "\""))
                .count();
    }

    /** The sync jobs of a patient that were dead-lettered. */
    long deadLettersFor(String patientId) {
        if (client().getKeys().countExists(syncStream() + ":dead") == 0) {
            return 0;
        }
        return client()
                .<String, String>getStream(syncStream() + ":dead", StringCodec.INSTANCE)
                .range(StreamMessageId.MIN, StreamMessageId.MAX)
                .values()
                .stream()
                .filter(fields -> fields.values().stream().anyMatch(value -> value.contains(patientId)))
                .count();
    }

    /** The credentials the gateway holds for a connection while the FHIR store cannot take them: the stored text. */
    Optional<String> heldCredentials(String project, String patientId, String provider) {
        return Optional.ofNullable(
                client().<String, String>getMap(prefix() + "inbox:" + project + "/" + patientId, StringCodec.INSTANCE)
                        .get(provider));
    }

    /** Every value under the gateway's prefix, as text: strings, hash fields and stream entries. */
    String everything() {
        StringBuilder all = new StringBuilder();
        for (String key : client().getKeys().getKeysByPattern(prefix() + "*")) {
            RType type = client().getKeys().getType(key);
            if (type == RType.OBJECT) {
                all.append(client().getBucket(key, StringCodec.INSTANCE).get());
            } else if (type == RType.MAP) {
                all.append(client().getMap(key, StringCodec.INSTANCE).readAllMap());
            } else if (type == RType.STREAM) {
                all.append(
                        client().getStream(key, StringCodec.INSTANCE).range(StreamMessageId.MIN, StreamMessageId.MAX));
            }
            all.append('\n');
        }
        return all.toString();
    }

    /** The sync stream is set aside and a plain string takes its key: every XADD to it fails. */
    void blockSyncStream() {
        if (client().getKeys().countExists(syncStream()) > 0) {
            client().getKeys().rename(syncStream(), syncStreamAside());
        }
        client().getBucket(syncStream(), StringCodec.INSTANCE)
                .set("not a stream: the acceptance tests block the queue");
    }

    /** The stream set aside comes back in one RENAME over the string (or the string goes, if there was no stream). */
    void unblockSyncStream() {
        if (client().getKeys().countExists(syncStreamAside()) > 0) {
            client().getKeys().rename(syncStreamAside(), syncStream());
        } else if (client().getKeys().getType(syncStream()) == RType.OBJECT) {
            client().getKeys().delete(syncStream());
        }
    }
}
