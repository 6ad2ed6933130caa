package health.wearables.domain.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body a platform receives for an event: {@code {"type", "timestamp", "data": {"project", "patientId", "provider",
 * …}}}, JSON (RFC 8259), the timestamp ISO 8601 in UTC to the second. Rendered once, when the event is recorded or
 * held, and sent as it is on every attempt (its signature covers these exact bytes). The values an event carries are
 * only strings, booleans, numbers and maps of those ({@link PlatformEvent#details()}), so the rendering needs no
 * library; tests parse what it writes with one.
 */
public final class EventBody {

    private EventBody() {}

    public static String of(PlatformEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("project", event.connection().project().value());
        data.put("patientId", event.connection().patient().value());
        data.put("provider", event.connection().provider().value());
        data.putAll(event.details());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", event.type().wireName());
        body.put("timestamp", event.timestamp().toString());
        body.put("data", data);
        StringBuilder out = new StringBuilder(256);
        value(body, out);
        return out.toString();
    }

    private static void value(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> member : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(String.valueOf(member.getKey()), out);
                out.append(':');
                value(member.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof String text) {
            string(text, out);
        } else {
            throw new IllegalArgumentException("an event carries strings, booleans, whole numbers and maps only, not "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
    }

    /** A JSON string: quote, backslash and the control characters escaped; everything else as it is (UTF-8 on the wire). */
    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
