package health.wearables.adapters.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Records that come due, in two Redis keys that live together (the caller gives both one hash tag, so one slot of a
 * cluster): a hash of JSON records by field and a sorted set of the same fields by when each is due. Every change of
 * both is one Lua script, so they never disagree; a field left in the schedule without its record is removed when
 * met.
 *
 * @param <X> the caller's "unavailable" exception, thrown when Redis cannot be reached in time
 */
final class DueRecords<X extends RuntimeException> {
    private static final String PUT = "redis.call('hset', KEYS[1], ARGV[1], ARGV[2]); "
            + "redis.call('zadd', KEYS[2], ARGV[3], ARGV[1]); return 1";
    private static final String UPDATE = "local record = redis.call('hget', KEYS[1], ARGV[1]); "
            + "if not record then return 0 end; local parsed = cjson.decode(record); "
            + "for name, value in pairs(cjson.decode(ARGV[3])) do parsed[name] = value end; "
            + "redis.call('hset', KEYS[1], ARGV[1], cjson.encode(parsed)); "
            + "if ARGV[2] ~= '' then redis.call('zadd', KEYS[2], ARGV[2], ARGV[1]) end; return 1";
    private static final String DROP =
            "redis.call('hdel', KEYS[1], ARGV[1]); redis.call('zrem', KEYS[2], ARGV[1]); return 1";
    private static final String DUE_FIELDS =
            "local fields = redis.call('zrangebyscore', KEYS[2], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2])); ";
    private static final String DUE = DUE_FIELDS + collect("");
    /** As {@link #DUE}, and each record found is made due at ARGV[3]. */
    private static final String CLAIM = DUE_FIELDS + collect("redis.call('zadd', KEYS[2], ARGV[3], field); ");

    private static final String FIRST =
            "local fields = redis.call('zrange', KEYS[2], 0, tonumber(ARGV[1]) - 1); " + collect("");

    /**
     * The records of {@code fields}, in their order, with {@code eachFound} run for each one found; a field without
     * its record is removed from the schedule.
     */
    private static String collect(String eachFound) {
        return "local out = {}; for _, field in ipairs(fields) do local record = redis.call('hget', KEYS[1], field); "
                + "if record then table.insert(out, record); " + eachFound
                + "else redis.call('zrem', KEYS[2], field) end end; return out";
    }

    private final RedissonClient client;
    private final String records;
    private final String schedule;
    private final Duration timeout;
    private final BiFunction<String, Throwable, X> unavailable;

    DueRecords(
            RedissonClient client,
            String records,
            String schedule,
            Duration timeout,
            BiFunction<String, Throwable, X> unavailable) {
        this.client = Objects.requireNonNull(client, "client");
        this.records = Objects.requireNonNull(records, "records");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.timeout = RedisSettings.positive(timeout, "timeout");
        this.unavailable = Objects.requireNonNull(unavailable, "unavailable");
    }

    /** Writes (or replaces) the record of {@code field}, due at {@code due}. */
    void put(String operation, String field, String record, Instant due) {
        run(operation, PUT, field, record, millis(due));
    }

    /**
     * Sets the members of {@code changes} (a JSON object) on the record of {@code field} and makes it due at {@code
     * due}; nothing if the record is gone.
     */
    void update(String operation, String field, Instant due, String changes) {
        run(operation, UPDATE, field, millis(due), changes);
    }

    /** Sets the members of {@code changes} on the record of {@code field}, due when it was; nothing if it is gone. */
    void change(String operation, String field, String changes) {
        run(operation, UPDATE, field, "", changes);
    }

    void drop(String operation, String field) {
        run(operation, DROP, field);
    }

    /** Up to {@code max} records due at {@code now}, the earliest due first. */
    List<String> due(String operation, Instant now, int max) {
        return collect(operation, DUE, millis(now), Integer.toString(Math.max(0, max)));
    }

    /**
     * Up to {@code max} records due at {@code now}, the earliest due first, each made due at {@code until} in the same
     * step: a claim no other caller sees until then.
     */
    List<String> claim(String operation, Instant now, int max, Instant until) {
        return collect(operation, CLAIM, millis(now), Integer.toString(Math.max(0, max)), millis(until));
    }

    /** Up to {@code max} records, due or not, the earliest due first. */
    List<String> first(String operation, int max) {
        return max < 1 ? List.of() : collect(operation, FIRST, Integer.toString(max));
    }

    private List<String> collect(String operation, String script, String... arguments) {
        List<Object> found = RedisReply.await(
                operation,
                timeout,
                () -> client.getScript(StringCodec.INSTANCE)
                        .<List<Object>>evalAsync(
                                records,
                                RScript.Mode.READ_WRITE,
                                script,
                                RScript.ReturnType.MULTI,
                                List.of(records, schedule),
                                (Object[]) arguments),
                unavailable);
        List<String> out = new ArrayList<>(found.size());
        for (Object each : found) {
            out.add(String.valueOf(each));
        }
        return out;
    }

    private void run(String operation, String script, String... arguments) {
        RedisReply.<Long, X>await(
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
                unavailable);
    }

    private static String millis(Instant at) {
        return Long.toString(at.toEpochMilli());
    }
}
