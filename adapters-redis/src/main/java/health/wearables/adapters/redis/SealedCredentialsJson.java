package health.wearables.adapters.redis;

import static health.wearables.adapters.redis.StoredJson.absent;
import static health.wearables.adapters.redis.StoredJson.object;
import static health.wearables.adapters.redis.StoredJson.optionalEpochMillis;
import static health.wearables.adapters.redis.StoredJson.optionalText;
import static health.wearables.adapters.redis.StoredJson.text;
import static health.wearables.adapters.redis.StoredJson.texts;
import static health.wearables.adapters.redis.StoredJson.wholeNumber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import health.wearables.adapters.redis.StoredJson.Unreadable;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.SealedToken;
import java.time.Instant;
import java.util.Base64;
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

    private SealedCredentialsJson() {}

    static String write(SealedCredentials credentials) {
        ObjectNode document = StoredJson.newDocument(VERSION);
        ObjectNode key = document.putObject("key");
        key.put("project", credentials.key().project().value());
        key.put("patient", credentials.key().patient().value());
        key.put("provider", credentials.key().provider().value());
        document.set("accessToken", token(credentials.accessToken()));
        document.set(
                "refreshToken",
                credentials.refreshToken().map(SealedCredentialsJson::token).orElse(null));
        document.set(
                "tokenSecret",
                credentials.tokenSecret().map(SealedCredentialsJson::token).orElse(null));
        document.put(
                "accessTokenExpiresAt",
                credentials.accessTokenExpiresAt().map(Instant::toEpochMilli).orElse(null));
        ArrayNode scopes = document.putArray("scopes");
        credentials.scopes().forEach(scopes::add);
        document.put("providerUserId", credentials.providerUserId().orElse(null));
        document.put("connectedAt", credentials.connectedAt().toEpochMilli());
        return StoredJson.write(document);
    }

    private static ObjectNode token(SealedToken token) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("keyId", token.keyId());
        node.put("ciphertext", Base64.getEncoder().encodeToString(token.ciphertext()));
        return node;
    }

    /**
     * @throws Unreadable when the text is not a version-1 document with every field well-formed; its message names
     *                    the field at fault, never a value
     */
    static SealedCredentials read(String text) throws Unreadable {
        JsonNode document = StoredJson.document(text, VERSION);
        JsonNode key = object(document, "key");
        try {
            return new SealedCredentials(
                    new ConnectionKey(
                            new ProjectId(text(key, "project")),
                            new PatientId(text(key, "patient")),
                            new ProviderSlug(text(key, "provider"))),
                    token(object(document, "accessToken"), "accessToken"),
                    optionalToken(document, "refreshToken"),
                    optionalToken(document, "tokenSecret"),
                    optionalEpochMillis(document, "accessTokenExpiresAt"),
                    texts(document, "scopes"),
                    optionalText(document, "providerUserId"),
                    Instant.ofEpochMilli(wholeNumber(document, "connectedAt")));
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

    private static Optional<SealedToken> optionalToken(JsonNode document, String field) throws Unreadable {
        return absent(document, field) ? Optional.empty() : Optional.of(token(object(document, field), field));
    }
}
