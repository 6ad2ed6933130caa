package health.wearables.adapters.redis;

import health.wearables.application.port.out.SyncQueue;
import health.wearables.application.port.out.SyncQueueUnavailable;
import health.wearables.domain.SyncJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamGroup;
import org.redisson.api.StreamMessageId;
import org.redisson.api.stream.StreamCreateGroupArgs;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.RedisStrictCommand;
import org.redisson.command.CommandAsyncExecutor;

/**
 * Sync jobs as entries of the Redis stream {@code <prefix>{sync}}, read by workers in the consumer group
 * {@value #GROUP}. Each entry holds {@code project}, {@code patient}, {@code provider}, {@code endpointId} and
 * {@code requestedAt} (an ISO-8601 instant to the clock's precision, microseconds here: the job's id is derived from it,
 * so two jobs of one connection asked for within the same millisecond keep apart), all as strings.
 *
 * <p>A job is added with {@code XADD … NOMKSTREAM}, so the stream is never made without its group: when there is no
 * stream (the first job, or the stream was deleted), the group is made first, with the stream, from its start, and
 * the job added then. No job can be missed by the workers, whenever the stream comes (back). (The first job of each
 * instance also checks that an existing stream has the group.)
 */
public final class RedisSyncQueue implements SyncQueue {
    public static final String GROUP = "sync-workers";

    /** The reply is the new entry's id, or nil with {@code NOMKSTREAM} when there is no stream. */
    static final RedisStrictCommand<String> XADD = new RedisStrictCommand<>("XADD");

    private final RStream<String, String> stream;
    private final CommandAsyncExecutor commands;
    private final Duration timeout;
    private volatile boolean groupChecked;

    /** Asks nothing of Redis yet: the stream and its group are made, if needed, with the first job. */
    public RedisSyncQueue(RedissonClient client, String keyPrefix, Duration timeout) {
        Objects.requireNonNull(client, "client");
        this.stream =
                client.getStream(SyncKeys.stream(Objects.requireNonNull(keyPrefix, "keyPrefix")), StringCodec.INSTANCE);
        this.commands = RedisReply.executorOf(client);
        this.timeout = RedisSettings.positive(timeout, "timeout");
    }

    /** Makes the group (and the stream, if there is none) from the stream's start, unless it is there. */
    void createGroupUnlessPresent() {
        // Looked up first because Redisson takes the BUSYGROUP error for a busy server and retries it
        List<StreamGroup> groups = RedisReply.await(
                "sync queue group lookup",
                timeout,
                () -> whenRedisSays("no such key", stream.listGroupsAsync(), List.of()),
                SyncQueueUnavailable::new);
        if (groups.stream().anyMatch(group -> group.getName().equals(GROUP))) {
            return;
        }
        // from the stream's start: entries added before the group existed still reach a worker
        StreamCreateGroupArgs group =
                StreamCreateGroupArgs.name(GROUP).id(StreamMessageId.ALL).makeStream();
        RedisReply.await(
                "sync queue group creation",
                timeout,
                () -> whenRedisSays(
                        "BUSYGROUP", stream.createGroupAsync(group), null), // made just now by another instance
                SyncQueueUnavailable::new);
    }

    /** The reply, or {@code instead} when Redis answers with an error that contains {@code error}. */
    private static <T> CompletionStage<T> whenRedisSays(String error, CompletionStage<T> reply, T instead) {
        return reply.exceptionally(failure -> {
            Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof RedisException
                    && String.valueOf(cause.getMessage()).contains(error)) {
                return instead;
            }
            throw new CompletionException(cause);
        });
    }

    @Override
    public void enqueue(SyncJob job) {
        Map<String, String> entry = fieldsOf(Objects.requireNonNull(job, "job"));
        if (!groupChecked) { // once per instance: a stream made by someone else may lack the group
            createGroupUnlessPresent();
            groupChecked = true;
        }
        if (addToExistingStream(entry) == null) {
            createGroupUnlessPresent();
            if (addToExistingStream(entry) == null) {
                throw new SyncQueueUnavailable(
                        "sync queue enqueue: the stream was deleted again while it was made", null);
            }
        }
    }

    /**
     * The entry's id, or {@code null} when there is no stream to add it to. Sent as a command of its own: Redisson's
     * stream API cannot read the nil that {@code XADD … NOMKSTREAM} answers then.
     */
    private String addToExistingStream(Map<String, String> entry) {
        List<Object> arguments = new ArrayList<>(List.of(stream.getName(), "NOMKSTREAM", "*"));
        entry.forEach((field, value) -> {
            arguments.add(field);
            arguments.add(value);
        });
        return RedisReply.await(
                "sync queue enqueue",
                timeout,
                () -> commands.<String, String>writeAsync(
                        stream.getName(), StringCodec.INSTANCE, XADD, arguments.toArray()),
                SyncQueueUnavailable::new);
    }

    static Map<String, String> fieldsOf(SyncJob job) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("project", job.key().project().value());
        fields.put("patient", job.key().patient().value());
        fields.put("provider", job.key().provider().value());
        fields.put("endpointId", job.endpointId());
        fields.put("requestedAt", job.requestedAt().toString());
        return fields;
    }
}
