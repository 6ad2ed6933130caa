package health.wearables.domain.events;

import health.wearables.domain.ConnectionKey;
import health.wearables.domain.lifecycle.EndReason;
import health.wearables.domain.sync.DataType;
import health.wearables.domain.sync.SyncProgress;
import health.wearables.domain.sync.SyncWindow;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An event for the platform that owns the connection: what happened, to which connection, when, and the details of
 * its type. The id is the Standard Webhooks message id ({@code webhook-id}), the same on every delivery attempt. Its
 * data never holds a token, code, verifier, state or secret: only the connection's names, booleans, the gateway's own
 * reason words, instants and counts (hostile case 65).
 *
 * @param details the members of {@code data} besides project, patientId and provider; values are strings, booleans,
 *     numbers or maps of those
 */
public record PlatformEvent(
        String id, EventType type, Instant timestamp, ConnectionKey connection, Map<String, Object> details) {

    private static final Pattern ID = Pattern.compile("msg_[A-Za-z0-9]{16,64}");

    public PlatformEvent {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("an event id is msg_ and 16 to 64 letters or digits");
        }
        Objects.requireNonNull(type, "type");
        timestamp = timestamp.truncatedTo(ChronoUnit.SECONDS);
        Objects.requireNonNull(connection, "connection");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** Every connect that stored tokens; {@code reconnect} when the connection had been stored before. */
    public static PlatformEvent connectionCreated(String id, ConnectionKey key, boolean reconnect, Instant at) {
        return new PlatformEvent(id, EventType.CONNECTION_CREATED, at, key, Map.of("reconnect", reconnect));
    }

    public static PlatformEvent connectionPending(String id, ConnectionKey key, Instant at) {
        return new PlatformEvent(id, EventType.CONNECTION_PENDING, at, key, Map.of());
    }

    public static PlatformEvent reauthRequired(String id, ConnectionKey key, Instant at) {
        return new PlatformEvent(id, EventType.CONNECTION_REAUTH_REQUIRED, at, key, Map.of());
    }

    public static PlatformEvent revoked(String id, ConnectionKey key, EndReason reason, Instant at) {
        return new PlatformEvent(id, EventType.CONNECTION_REVOKED, at, key, Map.of("reason", reason.label()));
    }

    /** A completed sync: its window and how many records of each data type it wrote. */
    public static PlatformEvent syncCompleted(
            String id, ConnectionKey key, SyncWindow window, SyncProgress progress, Instant at) {
        Map<String, Object> counts = new LinkedHashMap<>();
        for (Map.Entry<DataType, Integer> written : progress.written().entrySet()) {
            counts.put(written.getKey().gatewayCode(), written.getValue());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        Map<String, Object> span = new LinkedHashMap<>();
        span.put("from", window.from().toString());
        span.put("to", window.to().toString());
        details.put("window", span);
        details.put("counts", counts);
        details.put("changed", progress.changed());
        return new PlatformEvent(id, EventType.SYNC_COMPLETED, at, key, details);
    }

    /** A failed sync; {@code reason} is the gateway's own words, never the provider's body. */
    public static PlatformEvent syncFailed(String id, ConnectionKey key, String reason, Instant at) {
        return new PlatformEvent(id, EventType.SYNC_FAILED, at, key, Map.of("reason", reason));
    }
}
