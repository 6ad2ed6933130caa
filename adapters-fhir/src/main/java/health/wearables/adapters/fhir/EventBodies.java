package health.wearables.adapters.fhir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.wearables.domain.events.PlatformEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body a platform receives for an event: {@code {"type", "timestamp", "data": {"project", "patientId",
 * "provider", …}}}, the timestamp ISO 8601 in UTC to the second. Rendered once, when the event is recorded, and sent as
 * it is on every attempt (its signature covers these exact bytes).
 */
final class EventBodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventBodies() {}

    static String of(PlatformEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("project", event.connection().project().value());
        data.put("patientId", event.connection().patient().value());
        data.put("provider", event.connection().provider().value());
        data.putAll(event.details());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", event.type().wireName());
        body.put("timestamp", event.timestamp().toString());
        body.put("data", data);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event body of plain values did not render", e);
        }
    }
}
