package health.wearables.adapters.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import health.wearables.adapters.redis.StoredJson.Unreadable;
import health.wearables.application.port.out.EventOutbox;
import health.wearables.application.port.out.HeldEvents;
import health.wearables.application.port.out.HeldEventsUnavailable;
import health.wearables.domain.ProjectId;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.redisson.api.RedissonClient;

/**
 * Events held while the connection store was down, as {@link DueRecords} under the hash tag {@code {events}}: field the
 * event id, record the event as it is delivered (project, type, body rendered once, when recorded) with its attempts
 * and last outcome. The body names the project, patient and provider only (no event carries a secret); the schedule
 * holds ids. An abandoned event is dropped with a WARN naming its id and type.
 */
public final class RedisHeldEvents implements HeldEvents {
    private static final System.Logger LOG = System.getLogger(RedisHeldEvents.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DueRecords<HeldEventsUnavailable> held;

    public RedisHeldEvents(RedissonClient client, String keyPrefix, Duration timeout) {
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.held = new DueRecords<>(
                client,
                keyPrefix + "{events}:held",
                keyPrefix + "{events}:held-due",
                timeout,
                HeldEventsUnavailable::new);
    }

    @Override
    public void hold(EventOutbox.Entry event) {
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.put("id", event.id());
        record.put("project", event.project().value());
        record.put("type", event.type());
        record.put("body", event.body());
        record.put("recordedAt", event.recordedAt().toEpochMilli());
        record.put("attempts", event.attempts());
        event.lastOutcome().ifPresent(outcome -> record.put("lastOutcome", outcome));
        held.put("held event hold", event.id(), record.toString(), event.recordedAt());
    }

    @Override
    public List<EventOutbox.Entry> due(Instant now, int max) {
        return read(held.due("held events due", now, max));
    }

    @Override
    public List<EventOutbox.Entry> waiting(int max) {
        return read(held.first("held events waiting", max));
    }

    @Override
    public void delivered(String id, Instant at) {
        held.drop("held event delivered", id);
    }

    @Override
    public void retryAt(String id, Instant next, int attempts, String lastOutcome) {
        ObjectNode changes = JsonNodeFactory.instance.objectNode();
        changes.put("attempts", attempts);
        changes.put("lastOutcome", lastOutcome);
        held.update("held event retry", id, next, changes.toString());
    }

    @Override
    public void abandon(String id, String why) {
        held.drop("held event abandon", id);
        LOG.log(Level.WARNING, "held event {0} abandoned before the outbox could take it: {1}", id, why);
    }

    @Override
    public void remove(String id) {
        held.drop("held event remove", id);
    }

    private static List<EventOutbox.Entry> read(List<String> records) {
        List<EventOutbox.Entry> entries = new ArrayList<>(records.size());
        for (String text : records) {
            try {
                entries.add(entry(text));
            } catch (Unreadable e) {
                LOG.log(Level.WARNING, "A held event could not be read ({0}); it is left out", e.getMessage());
            }
        }
        return entries;
    }

    private static EventOutbox.Entry entry(String text) throws Unreadable {
        JsonNode record;
        try {
            record = JSON.readTree(text);
        } catch (IOException e) {
            throw new Unreadable("not JSON");
        }
        if (record == null
                || !record.path("id").isTextual()
                || !record.path("project").isTextual()
                || !record.path("type").isTextual()
                || !record.path("body").isTextual()
                || !record.path("recordedAt").canConvertToLong()) {
            throw new Unreadable("not a held event");
        }
        try {
            return new EventOutbox.Entry(
                    record.get("id").asText(),
                    new ProjectId(record.get("project").asText()),
                    record.get("type").asText(),
                    record.get("body").asText(),
                    Instant.ofEpochMilli(record.get("recordedAt").asLong()),
                    record.path("attempts").asInt(0),
                    Optional.ofNullable(record.get("lastOutcome"))
                            .filter(JsonNode::isTextual)
                            .map(JsonNode::asText));
        } catch (IllegalArgumentException e) {
            throw new Unreadable("a held event with an invalid project");
        }
    }
}
