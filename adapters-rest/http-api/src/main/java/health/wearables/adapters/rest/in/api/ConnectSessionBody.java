package health.wearables.adapters.rest.in.api;

import health.wearables.application.port.in.OpenConnectSession.SessionCommand;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The body of {@code POST /connect-sessions}, type-checked as {@link ConnectBody} checks the body of {@code /connect}:
 * {@code patientId} a string, {@code redirectUri} a string or null, {@code providers} an array of strings or null;
 * malformed JSON, a key named twice or a field of the wrong type is a clear problem. Unknown fields are ignored.
 */
record ConnectSessionBody(Optional<SessionCommand> command, Optional<String> problem) {
    private static final Set<String> KNOWN_KEYS = Set.of("patientId", "redirectUri", "providers");
    /** More providers than any gateway configures is a mistake, not a request. */
    static final int MAX_PROVIDERS = 64;

    static ConnectSessionBody parse(String text) {
        if (text == null || text.isBlank()) {
            return problem("A JSON body with patientId is required.");
        }
        if (text.length() > ConnectBody.MAX_LENGTH) {
            return problem("The body is larger than " + ConnectBody.MAX_LENGTH + " characters.");
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
        Optional<String> repeated = ConnectBody.repeatedKey(text, KNOWN_KEYS);
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
        JsonValue providers = body.get("providers");
        Optional<List<String>> slugs = Optional.empty();
        if (providers != null && !isType(providers, JsonValue.ValueType.NULL)) {
            if (!isType(providers, JsonValue.ValueType.ARRAY)) {
                return problem("providers must be an array of provider slugs.");
            }
            if (providers.asJsonArray().size() > MAX_PROVIDERS) {
                return problem("providers names more than " + MAX_PROVIDERS + " providers.");
            }
            List<String> list = new ArrayList<>();
            for (JsonValue slug : providers.asJsonArray()) {
                if (!isType(slug, JsonValue.ValueType.STRING)) {
                    return problem("providers must be an array of provider slugs.");
                }
                list.add(((jakarta.json.JsonString) slug).getString());
            }
            slugs = Optional.of(list);
        }
        String redirectUri = isType(redirect, JsonValue.ValueType.STRING) ? body.getString("redirectUri") : null;
        return new ConnectSessionBody(
                Optional.of(new SessionCommand(body.getString("patientId"), redirectUri, slugs)), Optional.empty());
    }

    private static boolean isType(JsonValue value, JsonValue.ValueType type) {
        return value != null && value.getValueType() == type;
    }

    private static ConnectSessionBody problem(String message) {
        return new ConnectSessionBody(Optional.empty(), Optional.of(message));
    }
}
