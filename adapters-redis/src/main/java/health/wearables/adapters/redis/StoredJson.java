package health.wearables.adapters.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reading and writing the small versioned JSON documents this adapter keeps in Redis, field by field (no
 * reflection). Every failure is an {@link Unreadable} whose message names the field at fault, never a value.
 */
final class StoredJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StoredJson() {}

    static ObjectNode newDocument(int version) {
        return MAPPER.createObjectNode().put("v", version);
    }

    static String write(ObjectNode document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    /** The document in {@code text}, if it is a JSON object whose {@code v} is one of {@code versions}. */
    static JsonNode document(String text, int... versions) throws Unreadable {
        JsonNode document;
        try {
            document = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Unreadable("not JSON");
        }
        if (document == null || !document.isObject()) {
            throw new Unreadable("not a JSON object");
        }
        JsonNode version = document.get("v");
        if (version != null && version.isInt()) {
            for (int known : versions) {
                if (version.intValue() == known) {
                    return document;
                }
            }
        }
        throw new Unreadable("not of version " + java.util.Arrays.toString(versions));
    }

    static String text(JsonNode document, String field) throws Unreadable {
        JsonNode node = document.get(field);
        if (node == null || !node.isTextual()) {
            throw new Unreadable("field " + field + " is missing or not text");
        }
        return node.textValue();
    }

    static Optional<String> optionalText(JsonNode document, String field) throws Unreadable {
        return absent(document, field) ? Optional.empty() : Optional.of(text(document, field));
    }

    static List<String> texts(JsonNode document, String field) throws Unreadable {
        JsonNode node = document.get(field);
        if (node == null || !node.isArray()) {
            throw new Unreadable("field " + field + " is missing or not an array");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw new Unreadable("field " + field + " holds something other than text");
            }
            texts.add(element.textValue());
        }
        return texts;
    }

    static boolean bool(JsonNode document, String field) throws Unreadable {
        JsonNode node = document.get(field);
        if (node == null || !node.isBoolean()) {
            throw new Unreadable("field " + field + " is missing or not a boolean");
        }
        return node.booleanValue();
    }

    static long wholeNumber(JsonNode document, String field) throws Unreadable {
        JsonNode node = document.get(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new Unreadable("field " + field + " is missing or not a whole number");
        }
        return node.longValue();
    }

    static Optional<Instant> optionalEpochMillis(JsonNode document, String field) throws Unreadable {
        return absent(document, field)
                ? Optional.empty()
                : Optional.of(Instant.ofEpochMilli(wholeNumber(document, field)));
    }

    static JsonNode object(JsonNode document, String field) throws Unreadable {
        JsonNode node = document.get(field);
        if (node == null || !node.isObject()) {
            throw new Unreadable("field " + field + " is missing or not an object");
        }
        return node;
    }

    static boolean absent(JsonNode document, String field) {
        JsonNode node = document.get(field);
        return node == null || node.isNull();
    }

    /** A stored record that cannot be read back; the message says why without quoting the record. */
    static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }
}
