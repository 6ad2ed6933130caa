package health.wearables.adapters.redis;

import health.wearables.application.port.out.SyncQueue;
import health.wearables.application.port.out.SyncQueueUnavailable;
import health.wearables.domain.SyncJob;
import java.time.Duration;
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
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.stream.StreamCreateGroupArgs;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * Sync jobs as entries of the Redis stream {@code <prefix>sync}, read by workers in the consumer group
 * {@value #GROUP}. Each entry holds {@code project}, {@code patient}, {@code provider}, {@code endpointId} and
 * {@code requestedAt} (epoch milliseconds), all as strings.
 */
public final class RedisSyncQueue implements SyncQueue {
    public static final String GROUP = "sync-workers";

    private final RStream<String, String> stream;
    private final Duration timeout;

    /**
     * Creates the consumer group (and the stream) when it does not exist yet, so no job queued from now on can be
     * missed by the workers.
     *
     * @throws SyncQueueUnavailable when Redis cannot be reached
     */
    public RedisSyncQueue(RedissonClient client, String keyPrefix, Duration timeout) {
        Objects.requireNonNull(client, "client");
        this.stream = client.getStream(Objects.requireNonNull(keyPrefix, "keyPrefix") + "sync", StringCodec.INSTANCE);
        this.timeout = RedisSettings.positive(timeout, "timeout");
        createGroupUnlessPresent();
    }

    private void createGroupUnlessPresent() {
        // Looked up first because Redisson takes the BUSYGROUP error for a busy server and retries it
        List<StreamGroup> groups = RedisReply.await("sync queue group lookup", timeout,
                () -> whenRedisSays("no such key", stream.listGroupsAsync(), List.of()), SyncQueueUnavailable::new);
        if (groups.stream().anyMatch(group -> group.getName().equals(GROUP))) {
            return;
        }
        // from the stream's start: entries added before the group existed still reach a worker
        StreamCreateGroupArgs group = StreamCreateGroupArgs.name(GROUP).id(StreamMessageId.ALL).makeStream();
        RedisReply.await("sync queue group creation", timeout,
                () -> whenRedisSays("BUSYGROUP", stream.createGroupAsync(group), null), // made just now by another instance
                SyncQueueUnavailable::new);
    }

    /** The reply, or {@code instead} when Redis answers with an error that contains {@code error}. */
    private static <T> CompletionStage<T> whenRedisSays(String error, CompletionStage<T> reply, T instead) {
        return reply.exceptionally(failure -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof RedisException && String.valueOf(cause.getMessage()).contains(error)) {
                return instead;
            }
            throw new CompletionException(cause);
        });
    }

    @Override
    public void enqueue(SyncJob job) {
        Map<String, String> entry = fieldsOf(Objects.requireNonNull(job, "job"));
        RedisReply.await("sync queue enqueue", timeout, () -> stream.addAsync(StreamAddArgs.entries(entry)),
                SyncQueueUnavailable::new);
    }

    static Map<String, String> fieldsOf(SyncJob job) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("project", job.key().project().value());
        fields.put("patient", job.key().patient().value());
        fields.put("provider", job.key().provider().value());
        fields.put("endpointId", job.endpointId());
        fields.put("requestedAt", Long.toString(job.requestedAt().toEpochMilli()));
        return fields;
    }
}
