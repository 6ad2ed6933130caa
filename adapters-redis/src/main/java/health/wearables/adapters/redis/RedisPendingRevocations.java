package health.wearables.adapters.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import health.wearables.adapters.redis.StoredJson.Unreadable;
import health.wearables.application.port.out.LeaseUnavailable;
import health.wearables.application.port.out.PendingRevocations;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.SealedCredentials;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Revocations owed to providers, in two Redis keys that live together (one hash tag, so one slot of a cluster): a hash
 * of the parked records (field: the connection, value: its sealed credentials, when parked and how many asks failed)
 * and a sorted set of the same fields by when each is due. Every change of both is one Lua script, so they never
 * disagree. A record that cannot be read (written by a newer version, damaged) is dropped with a WARN that names no
 * value: it would otherwise come due forever.
 */
public final class RedisPendingRevocations implements PendingRevocations {
    private static final System.Logger LOG = System.getLogger(RedisPendingRevocations.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String PARK = "redis.call('hset', KEYS[1], ARGV[1], ARGV[2]); "
            + "redis.call('zadd', KEYS[2], ARGV[3], ARGV[1]); return 1";
    private static final String RETRY = "local record = redis.call('hget', KEYS[1], ARGV[1]); "
            + "if not record then return 0 end; "
            + "local parsed = cjson.decode(record); parsed['attempts'] = tonumber(ARGV[3]); "
            + "redis.call('hset', KEYS[1], ARGV[1], cjson.encode(parsed)); "
            + "redis.call('zadd', KEYS[2], ARGV[2], ARGV[1]); return 1";
    private static final String DROP =
            "redis.call('hdel', KEYS[1], ARGV[1]); redis.call('zrem', KEYS[2], ARGV[1]); return 1";
    private static final String DUE =
            "local fields = redis.call('zrangebyscore', KEYS[2], '-inf', ARGV[1], 'LIMIT', 0, "
                    + "tonumber(ARGV[2])); local out = {}; for _, field in ipairs(fields) do "
                    + "local record = redis.call('hget', KEYS[1], field); "
                    + "if record then table.insert(out, record) else redis.call('zrem', KEYS[2], field) end end; return out";

    private final RedissonClient client;
    private final String records;
    private final String schedule;
    private final java.time.Duration timeout;

    public RedisPendingRevocations(RedissonClient client, String keyPrefix, java.time.Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.records = keyPrefix + "{revocations}:records";
        this.schedule = keyPrefix + "{revocations}:due";
        this.timeout = RedisSettings.positive(timeout, "timeout");
    }

    @Override
    public void park(SealedCredentials credentials, Instant now) {
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.put("credentials", SealedCredentialsJson.write(credentials));
        record.put("parkedAt", now.toEpochMilli());
        record.put("attempts", 0);
        run(
                "revocation park",
                PARK,
                credentials.key().canonical(),
                record.toString(),
                Long.toString(now.toEpochMilli()));
    }

    @Override
    public List<Parked> due(Instant now, int max) {
        List<Object> found = RedisReply.await(
                "revocations due",
                timeout,
                () -> client.getScript(StringCodec.INSTANCE)
                        .<List<Object>>evalAsync(
                                records,
                                RScript.Mode.READ_WRITE,
                                DUE,
                                RScript.ReturnType.MULTI,
                                List.of(records, schedule),
                                Long.toString(now.toEpochMilli()),
                                Integer.toString(Math.max(0, max))),
                LeaseUnavailable::new);
        List<Parked> due = new ArrayList<>();
        for (Object each : found) {
            try {
                due.add(read(String.valueOf(each)));
            } catch (Unreadable e) {
                LOG.log(Level.WARNING, "A parked revocation could not be read ({0}); it is dropped", e.getMessage());
            }
        }
        return due;
    }

    @Override
    public void retryAt(ConnectionKey key, Instant next, int attempts) {
        run("revocation retry", RETRY, key.canonical(), Long.toString(next.toEpochMilli()), Integer.toString(attempts));
    }

    @Override
    public void drop(ConnectionKey key) {
        run("revocation drop", DROP, key.canonical());
    }

    private void run(String operation, String script, String... arguments) {
        RedisReply.<Long, LeaseUnavailable>await(
                operation,
                timeout,
                () -> client.getScript(StringCodec.INSTANCE)
                        .evalAsync(
                                records,
                                RScript.Mode.READ_WRITE,
                                script,
                                RScript.ReturnType.INTEGER,
                                List.of(records, schedule),
                                (Object[]) arguments),
                LeaseUnavailable::new);
    }

    private static Parked read(String text) throws Unreadable {
        JsonNode record;
        try {
            record = JSON.readTree(text);
        } catch (IOException e) {
            throw new Unreadable("not JSON");
        }
        if (record == null
                || !record.path("credentials").isTextual()
                || !record.path("parkedAt").canConvertToLong()) {
            throw new Unreadable("not a parked revocation");
        }
        return new Parked(
                SealedCredentialsJson.read(record.get("credentials").asText()),
                Instant.ofEpochMilli(record.get("parkedAt").asLong()),
                record.path("attempts").asInt(0));
    }
}
