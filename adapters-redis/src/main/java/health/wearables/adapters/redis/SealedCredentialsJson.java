package health.wearables.adapters.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.SealedToken;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The stored form of {@link SealedCredentials} in the credential inbox: a versioned JSON document with one field per
 * component of the record, of the same name, written and read component by component (no reflection), for example
 * <pre>{"v":1,"key":{"project":"acme","patient":"p-1","provider":"withings"},
 * "accessToken":{"keyId":1234567,"ciphertext":"AZ…"},"refreshToken":null,"tokenSecret":null,"accessTokenExpiresAt":1767229200000,
 * "scopes":["activity"],"providerUserId":null,"connectedAt":1767225600000}</pre>
 * Tokens appear only as the AEAD ciphertext (base64) with the id of the key that sealed it, exactly as the FHIR
 * Endpoint would hold them; absent optional components are {@code null}; instants are epoch milliseconds (the FHIR
 * store's precision too). A new component of {@link SealedCredentials} is one more line in {@link #write} and one more
 * argument in {@link #read}.
 */
final class SealedCredentialsJson {
    static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SealedCredentialsJson() {
    }

    static String write(SealedCredentials credentials) {
        ObjectNode document = MAPPER.createObjectNode().put("v", VERSION);
        ObjectNode key = document.putObject("key");
        key.put("project", credentials.key().project().value());
        key.put("patient", credentials.key().patient().value());
        key.put("provider", credentials.key().provider().value());
        document.set("accessToken", token(credentials.accessToken()));
        document.set("refreshToken", credentials.refreshToken().map(SealedCredentialsJson::token).orElse(null));
        document.set("tokenSecret", credentials.tokenSecret().map(SealedCredentialsJson::token).orElse(null));
        document.put("accessTokenExpiresAt",
                credentials.accessTokenExpiresAt().map(Instant::toEpochMilli).orElse(null));
        ArrayNode scopes = document.putArray("scopes");
        credentials.scopes().forEach(scopes::add);
        document.put("providerUserId", credentials.providerUserId().orElse(null));
        document.put("connectedAt", credentials.connectedAt().toEpochMilli());
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    private static ObjectNode token(SealedToken token) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("keyId", token.keyId());
        node.put("ciphertext", Base64.getEncoder().encodeToString(token.ciphertext()));
        return node;
    }

    /**
     * @throws Unreadable when the text is not a version-1 document with every field well-formed; its message names
     *                    the field at fault, never a value
     */
    static SealedCredentials read(String text) throws Unreadable {
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
        if (version == null || !version.isInt() || version.intValue() != VERSION) {
            throw new Unreadable("not version " + VERSION);
        }
        JsonNode key = object(document, "key");
        try {
            return new SealedCredentials(
                    new ConnectionKey(new ProjectId(text(key, "project")), new PatientId(text(key, "patient")),
                            new ProviderSlug(text(key, "provider"))),
                    token(object(document, "accessToken"), "accessToken"),
                    optionalObject(document, "refreshToken").isPresent()
                            ? Optional.of(token(object(document, "refreshToken"), "refreshToken")) : Optional.empty(),
                    optionalObject(document, "tokenSecret").isPresent()
                            ? Optional.of(token(object(document, "tokenSecret"), "tokenSecret")) : Optional.empty(),
                    optionalEpochMillis(document, "accessTokenExpiresAt"),
                    texts(document, "scopes"),
                    optionalText(document, "providerUserId"),
                    Instant.ofEpochMilli(epochMillis(document, "connectedAt")));
        } catch (IllegalArgumentException e) {
            // the domain's messages name the rule that failed, not the value
            throw new Unreadable("a field breaks its rules: " + e.getMessage());
        }
    }

    private static SealedToken token(JsonNode node, String field) throws Unreadable {
        JsonNode keyId = node.get("keyId");
        if (keyId == null || !keyId.isIntegralNumber() || !keyId.canConvertToLong()) {
            throw new Unreadable("field " + field + ".keyId is missing or not a whole number");
        }
        try {
            return new SealedToken(Base64.getDecoder().decode(text(node, "ciphertext")), keyId.longValue());
        } catch (IllegalArgumentException e) {
            throw new Unreadable("field " + field + ".ciphertext is not base64");
        }
    }

    private static JsonNode object(JsonNode document, String field) throws Unreadable {
        JsonNode node = document.get(field);
        if (node == null || !node.isObject()) {
            throw new Unreadable("field " + field + " is missing or not an object");
        }
        return node;
    }

    private static Optional<JsonNode> optionalObject(JsonNode document, String field) throws Unreadable {
        JsonNode node = document.get(field);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(object(document, field));
    }

    private static String text(JsonNode document, String field) throws Unreadable {
        JsonNode node = document.get(field);
        if (node == null || !node.isTextual()) {
            throw new Unreadable("field " + field + " is missing or not text");
        }
        return node.textValue();
    }

    private static Optional<String> optionalText(JsonNode document, String field) throws Unreadable {
        JsonNode node = document.get(field);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(text(document, field));
    }

    private static List<String> texts(JsonNode document, String field) throws Unreadable {
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

    private static long epochMillis(JsonNode document, String field) throws Unreadable {
        JsonNode node = document.get(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new Unreadable("field " + field + " is missing or not a whole number");
        }
        return node.longValue();
    }

    private static Optional<Instant> optionalEpochMillis(JsonNode document, String field) throws Unreadable {
        JsonNode node = document.get(field);
        return node == null || node.isNull() ? Optional.empty()
                : Optional.of(Instant.ofEpochMilli(epochMillis(document, field)));
    }

    /** A stored entry that cannot be read back; the message says why without quoting the entry. */
    static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }
}
