package health.wearables.adapters.rest.in.api;

import health.wearables.application.port.in.StartConnection.ConnectCommand;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The body of {@code /connect}, type-checked without guessing: malformed JSON, a key named twice in one object (which
 * parsers resolve differently, so the gateway and a proxy in front of it could read different patients) or a field of
 * the wrong type is a clear problem, never a silent default. Unknown fields are ignored.
 */
record ConnectBody(Optional<ConnectCommand> command, Optional<String> problem) {
    static final int MAX_LENGTH = 16 * 1024;
    private static final Set<String> KNOWN_KEYS = Set.of("patientId", "redirectUri", "redirectOnError");

    static ConnectBody parse(String text) {
        if (text == null || text.isBlank()) {
            return problem("A JSON body with patientId is required.");
        }
        if (text.length() > MAX_LENGTH) {
            return problem("The body is larger than " + MAX_LENGTH + " characters.");
        }
        JsonValue parsed;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            parsed = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            return problem("The body is not valid JSON.");
        }
        if (parsed.getValueType() != JsonValue.ValueType.OBJECT) {
            return problem("The body must be a JSON object.");
        }
        Optional<String> repeated = repeatedKey(text, KNOWN_KEYS);
        if (repeated.isPresent()) {
            return problem(repeated.get() + " appears more than once in the body.");
        }
        JsonObject body = parsed.asJsonObject();
        if (!isType(body.get("patientId"), JsonValue.ValueType.STRING)) {
            return problem("patientId is required and must be a string.");
        }
        JsonValue redirect = body.get("redirectUri");
        if (redirect != null
                && !isType(redirect, JsonValue.ValueType.STRING)
                && !isType(redirect, JsonValue.ValueType.NULL)) {
            return problem("redirectUri must be a string.");
        }
        JsonValue onError = body.get("redirectOnError");
        if (onError != null
                && !isType(onError, JsonValue.ValueType.TRUE)
                && !isType(onError, JsonValue.ValueType.FALSE)
                && !isType(onError, JsonValue.ValueType.NULL)) {
            return problem("redirectOnError must be true or false.");
        }
        String redirectUri = isType(redirect, JsonValue.ValueType.STRING) ? body.getString("redirectUri") : null;
        return new ConnectBody(
                Optional.of(new ConnectCommand(
                        body.getString("patientId"), redirectUri, isType(onError, JsonValue.ValueType.TRUE))),
                Optional.empty());
    }

    /**
     * The first key named twice in one object of a valid JSON text: one of ours by its name, any other as "A key" (the
     * message never repeats what the caller sent).
     */
    static Optional<String> repeatedKey(String json, Set<String> knownKeys) {
        Deque<Set<String>> objects = new ArrayDeque<>();
        try (JsonParser parser = Json.createParser(new StringReader(json))) {
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT -> objects.push(new HashSet<>());
                    case END_OBJECT -> objects.pop();
                    case KEY_NAME -> {
                        String key = parser.getString();
                        if (!objects.peek().add(key)) {
                            return Optional.of(knownKeys.contains(key) ? key : "A key");
                        }
                    }
                    default -> {
                        // other events change neither the objects nor their keys
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isType(JsonValue value, JsonValue.ValueType type) {
        return value != null && value.getValueType() == type;
    }

    private static ConnectBody problem(String message) {
        return new ConnectBody(Optional.empty(), Optional.of(message));
    }
}
