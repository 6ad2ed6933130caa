package health.wearables.adapters.redis;

import health.wearables.application.port.out.SyncJobs;
import health.wearables.application.port.out.SyncQueueUnavailable;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.SyncJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.redisson.api.RScript;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.client.codec.StringCodec;

/**
 * The workers' side of {@link RedisSyncQueue}'s stream {@code <prefix>{sync}}, in its consumer group
 * {@value RedisSyncQueue#GROUP}. Each operation is one Lua script, so it is atomic and one round trip:
 *
 * <ul>
 *   <li>take: due entries of the sorted set {@code <prefix>{sync}:delayed} are moved into the stream
 *       ({@code ZRANGEBYSCORE}, {@code XADD … NOMKSTREAM}, {@code ZREM}); then {@code XAUTOCLAIM … COUNT 1} claims an
 *       entry another consumer left pending longer than the visibility timeout ({@code XPENDING} gives its delivery
 *       count); else {@code XREADGROUP … COUNT 1 STREAMS <stream> >} reads a new one (without blocking).
 *   <li>done: {@code XACK}, then {@code XDEL} (acknowledged entries are not kept, so the stream does not grow).
 *   <li>retry: {@code XACK}; if it was still pending, {@code ZADD} to the delayed set scored by the time, then
 *       {@code XDEL}. The entry carries {@code attempts}, the attempts made so far.
 *   <li>dead letter: {@code XACK}; if it was still pending, {@code XADD} to the stream {@code <prefix>{sync}:dead} with
 *       {@code reason}, {@code attempt} and {@code deadAt} (epoch ms) beside the job's fields, then {@code XDEL}.
 * </ul>
 *
 * <p>The scripts touch several keys, so in a Redis Cluster those keys must be on one node (not the case now).
 */
public final class RedisSyncJobs implements SyncJobs {

    /** An entry that is not a job (made by someone else, or damaged) is dead-lettered with this reason. */
    static final String MALFORMED = "malformed stream entry";

    private static final String TAKE = """
            local due = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[4], 'LIMIT', 0, 100)
            for _, member in ipairs(due) do
              local entry = cjson.decode(member)
              table.remove(entry, 1)
              if redis.call('XADD', KEYS[1], 'NOMKSTREAM', '*', unpack(entry)) then
                redis.call('ZREM', KEYS[2], member)
              end
            end
            local cursor = '0-0'
            repeat
              local claimed = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], cursor, 'COUNT', 1)
              cursor = claimed[1]
              local entry = claimed[2][1]
              if entry then
                local pending = redis.call('XPENDING', KEYS[1], ARGV[1], entry[1], entry[1], 1)
                return {entry[1], tostring(pending[1][4]), unpack(entry[2])}
              end
            until cursor == '0-0'
            local read = redis.call('XREADGROUP', 'GROUP', ARGV[1], ARGV[2], 'COUNT', 1, 'STREAMS', KEYS[1], '>')
            if read then
              local entry = read[1][2][1]
              return {entry[1], '1', unpack(entry[2])}
            end
            return {}
            """;

    private static final String KEEP = """
            local pending = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[2], ARGV[2], 1)
            if pending[1] == nil or pending[1][2] ~= ARGV[3] then
              return {0}
            end
            redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[3], 0, ARGV[2], 'JUSTID')
            return {1}
            """;

    private static final String DONE = """
            redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
            redis.call('XDEL', KEYS[1], ARGV[2])
            return {1}
            """;

    private static final String RETRY = """
            if redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 0 then
              return {0}
            end
            local member = {ARGV[2]}
            for i = 4, #ARGV do
              member[#member + 1] = ARGV[i]
            end
            redis.call('ZADD', KEYS[2], ARGV[3], cjson.encode(member))
            redis.call('XDEL', KEYS[1], ARGV[2])
            return {1}
            """;

    private static final String DEAD = """
            if redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 0 then
              return {0}
            end
            redis.call('XADD', KEYS[2], '*', unpack(ARGV, 3))
            redis.call('XDEL', KEYS[1], ARGV[2])
            return {1}
            """;

    private final String stream;
    private final String delayed;
    private final RStream<String, String> dead;
    private final RScript scripts;
    private final RedisSyncQueue producer;
    private final Duration timeout;
    private final Clock clock;
    private volatile boolean groupChecked;

    /** Asks nothing of Redis yet: the group is made, if needed, with the first take. */
    public RedisSyncJobs(RedissonClient client, String keyPrefix, Duration timeout, Clock clock) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.stream = SyncKeys.stream(keyPrefix);
        this.delayed = SyncKeys.delayed(keyPrefix);
        this.dead = client.getStream(SyncKeys.dead(keyPrefix), StringCodec.INSTANCE);
        this.scripts = client.getScript(StringCodec.INSTANCE);
        this.producer = new RedisSyncQueue(client, keyPrefix, timeout);
        this.timeout = RedisSettings.positive(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<TakenJob> take(String consumer, Duration visibility) {
        Objects.requireNonNull(consumer, "consumer");
        RedisSettings.positive(visibility, "visibility");
        if (!groupChecked) { // once per instance; a stream deleted later is made again with its group by the producer
            producer.createGroupUnlessPresent();
            groupChecked = true;
        }
        for (int malformed = 0; malformed < 10; malformed++) {
            List<Object> reply = run(
                    "sync jobs take",
                    TAKE,
                    List.of(stream, delayed),
                    RedisSyncQueue.GROUP,
                    consumer,
                    Long.toString(visibility.toMillis()),
                    Long.toString(clock.millis()));
            if (reply.isEmpty()) {
                return Optional.empty();
            }
            String id = String.valueOf(reply.get(0));
            int deliveries = Integer.parseInt(String.valueOf(reply.get(1)));
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 2; i + 1 < reply.size(); i += 2) {
                fields.put(String.valueOf(reply.get(i)), String.valueOf(reply.get(i + 1)));
            }
            Optional<SyncJob> job = jobOf(fields);
            if (job.isPresent()) {
                return Optional.of(new TakenJob(job.get(), id, attemptsOf(fields) + deliveries));
            }
            List<Object> arguments = new ArrayList<>(List.of(RedisSyncQueue.GROUP, id));
            fields.forEach((field, value) -> {
                arguments.add(field);
                arguments.add(value);
            });
            arguments.addAll(List.of("reason", MALFORMED, "deadAt", Long.toString(clock.millis())));
            run("sync jobs dead letter", DEAD, List.of(stream, dead.getName()), arguments.toArray());
        }
        return Optional.empty();
    }

    /** Its idle time reset ({@code XCLAIM … JUSTID}, which counts no delivery) while the consumer still owns it. */
    @Override
    public boolean keep(String consumer, TakenJob taken) {
        Objects.requireNonNull(consumer, "consumer");
        List<Object> reply = run("sync jobs keep", KEEP, List.of(stream), RedisSyncQueue.GROUP, taken.id(), consumer);
        return !reply.isEmpty() && "1".equals(String.valueOf(reply.get(0)));
    }

    @Override
    public void done(TakenJob taken) {
        run("sync jobs done", DONE, List.of(stream), RedisSyncQueue.GROUP, taken.id());
    }

    @Override
    public void retryAt(TakenJob taken, Instant notBefore) {
        delay(taken, notBefore, taken.attempt());
    }

    @Override
    public void giveBack(TakenJob taken, Instant notBefore) {
        delay(taken, notBefore, taken.attempt() - 1);
    }

    /** Into the delayed set, with the attempts made so far. */
    private void delay(TakenJob taken, Instant notBefore, int attempts) {
        List<Object> arguments =
                new ArrayList<>(List.of(RedisSyncQueue.GROUP, taken.id(), Long.toString(notBefore.toEpochMilli())));
        Map<String, String> fields = RedisSyncQueue.fieldsOf(taken.job());
        fields.put("attempts", Integer.toString(attempts));
        fields.forEach((field, value) -> {
            arguments.add(field);
            arguments.add(value);
        });
        run("sync jobs retry", RETRY, List.of(stream, delayed), arguments.toArray());
    }

    @Override
    public void deadLetter(TakenJob taken, String reason) {
        DeadLetter.checkReason(reason);
        List<Object> arguments = new ArrayList<>(List.of(RedisSyncQueue.GROUP, taken.id()));
        Map<String, String> fields = RedisSyncQueue.fieldsOf(taken.job());
        fields.put("reason", reason);
        fields.put("attempt", Integer.toString(taken.attempt()));
        fields.put("deadAt", Long.toString(clock.millis()));
        fields.forEach((field, value) -> {
            arguments.add(field);
            arguments.add(value);
        });
        run("sync jobs dead letter", DEAD, List.of(stream, dead.getName()), arguments.toArray());
    }

    @Override
    public List<DeadLetter> deadLetters(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        Map<StreamMessageId, Map<String, String>> entries = RedisReply.await(
                "sync jobs dead letters",
                timeout,
                () -> dead.rangeAsync(max, StreamMessageId.MIN, StreamMessageId.MAX),
                SyncQueueUnavailable::new);
        List<DeadLetter> letters = new ArrayList<>();
        entries.values()
                .forEach(fields -> jobOf(fields)
                        .ifPresent(job -> letters.add(new DeadLetter(
                                job,
                                fields.get("reason"),
                                Integer.parseInt(fields.getOrDefault("attempt", "1")),
                                Instant.ofEpochMilli(Long.parseLong(fields.getOrDefault("deadAt", "0")))))));
        return letters;
    }

    private List<Object> run(String what, String script, List<Object> keys, Object... arguments) {
        return RedisReply.await(
                what,
                timeout,
                () -> scripts.<List<Object>>evalAsync(
                        stream, RScript.Mode.READ_WRITE, script, RScript.ReturnType.MULTI, keys, arguments),
                SyncQueueUnavailable::new);
    }

    private static int attemptsOf(Map<String, String> fields) {
        try {
            return Integer.parseInt(fields.getOrDefault("attempts", "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** An ISO-8601 instant, or epoch milliseconds (what entries written before held). */
    private static Instant requestedAt(String value) {
        return value.chars().allMatch(Character::isDigit)
                ? Instant.ofEpochMilli(Long.parseLong(value))
                : Instant.parse(value);
    }

    /** The job, as {@link RedisSyncQueue} writes it, or nothing if a field is missing or damaged. */
    static Optional<SyncJob> jobOf(Map<String, String> fields) {
        try {
            ConnectionKey key = new ConnectionKey(
                    new ProjectId(fields.get("project")),
                    new PatientId(fields.get("patient")),
                    new ProviderSlug(fields.get("provider")));
            String endpointId = Objects.requireNonNull(fields.get("endpointId"));
            Instant requestedAt = requestedAt(Objects.requireNonNull(fields.get("requestedAt")));
            return Optional.of(new SyncJob(key, endpointId, requestedAt));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
