package health.wearables.acceptance.steps;

import com.fasterxml.jackson.databind.JsonNode;
import health.wearables.acceptance.sweep.SecretKind;
import health.wearables.adapters.sealing.TinkTokenCipher;
import health.wearables.adapters.sealing.TokenKeysets;
import health.wearables.application.port.out.TokenCipher.TokenKind;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.SealedToken;
import java.util.Base64;
import java.util.Optional;

/**
 * Opens the ciphertexts of an Endpoint (or of credentials the gateway holds for a retry) with the gateway's own
 * keyset, as an operator holding the key could: the test learns the tokens the provider really issued, to look for
 * them where they must never be. Whatever it opens goes to {@link RunSecrets}.
 */
final class SealedCredentials {
    private static final String SEALED_TOKEN = "https://wearables.health/fhir/StructureDefinition/sealed-token";
    private static final String CONNECTION_SYSTEM = "https://wearables.health/fhir/NamingSystem/connection";

    private SealedCredentials() {}

    static PatientJourney.IssuedTokens open(JsonNode endpoint, String project, String patient, String provider) {
        return open(sealed(endpoint, "access"), sealed(endpoint, "refresh"), key(project, patient, provider));
    }

    /** An access and a refresh token of one connection, opened and remembered for the whole-run sweep. */
    private static PatientJourney.IssuedTokens open(SealedToken access, SealedToken refresh, ConnectionKey key) {
        TinkTokenCipher cipher = cipher();
        PatientJourney.IssuedTokens tokens = new PatientJourney.IssuedTokens(
                cipher.open(key, TokenKind.ACCESS, access), cipher.open(key, TokenKind.REFRESH, refresh));
        RunSecrets.remember(SecretKind.ACCESS_TOKEN, tokens.accessToken());
        RunSecrets.remember(SecretKind.REFRESH_TOKEN, tokens.refreshToken());
        return tokens;
    }

    private static ConnectionKey key(String project, String patient, String provider) {
        return new ConnectionKey(new ProjectId(project), new PatientId(patient), new ProviderSlug(provider));
    }

    /** The access token of an Endpoint, and its refresh token when it holds one (a non-refreshable one does not). */
    static Opened openWhatIsThere(JsonNode endpoint) {
        ConnectionKey key = keyOf(endpoint);
        TinkTokenCipher cipher = cipher();
        Opened opened = new Opened(
                cipher.open(key, TokenKind.ACCESS, sealed(endpoint, "access")),
                holds(endpoint, "refresh")
                        ? Optional.of(cipher.open(key, TokenKind.REFRESH, sealed(endpoint, "refresh")))
                        : Optional.empty());
        RunSecrets.remember(SecretKind.ACCESS_TOKEN, opened.accessToken());
        opened.refreshToken().ifPresent(token -> RunSecrets.remember(SecretKind.REFRESH_TOKEN, token));
        return opened;
    }

    record Opened(String accessToken, Optional<String> refreshToken) {}

    /** One sealed token of the Endpoint, by its kind on the Endpoint ({@code access}, {@code token-secret}, …). */
    static String open(
            JsonNode endpoint,
            String project,
            String patient,
            String provider,
            TokenKind kind,
            String endpointKind,
            SecretKind secretKind) {
        String opened = cipher().open(key(project, patient, provider), kind, sealed(endpoint, endpointKind));
        RunSecrets.remember(secretKind, opened);
        return opened;
    }

    /** Project, patient and provider, from the Endpoint's connection identifier. */
    private static ConnectionKey keyOf(JsonNode endpoint) {
        for (JsonNode identifier : endpoint.path("identifier")) {
            if (CONNECTION_SYSTEM.equals(identifier.path("system").asText())) {
                String[] parts = identifier.path("value").asText().split("/", 3);
                return key(parts[0], parts[1], parts[2]);
            }
        }
        throw new AssertionError("the Endpoint has no connection identifier");
    }

    private static TinkTokenCipher cipher() {
        return new TinkTokenCipher(TokenKeysets.load(
                Optional.empty(), Settings.gatewayDataDirectory().resolve("token-keyset.json"), false));
    }

    private static boolean holds(JsonNode endpoint, String kind) {
        for (JsonNode extension : endpoint.path("extension")) {
            if (SEALED_TOKEN.equals(extension.path("url").asText())) {
                for (JsonNode part : extension.path("extension")) {
                    if ("kind".equals(part.path("url").asText())
                            && kind.equals(part.path("valueCode").asText())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The same for the credentials the gateway holds in Redis while the FHIR store cannot take them. */
    static PatientJourney.IssuedTokens openHeld(JsonNode held, String project, String patient, String provider) {
        return open(heldToken(held, "accessToken"), heldToken(held, "refreshToken"), key(project, patient, provider));
    }

    private static SealedToken heldToken(JsonNode held, String field) {
        JsonNode token = held.path(field);
        if (!token.path("ciphertext").isTextual() || !token.path("keyId").canConvertToLong()) {
            throw new AssertionError("the held credentials have no sealed " + field + ": " + held);
        }
        return new SealedToken(
                Base64.getDecoder().decode(token.path("ciphertext").asText()),
                token.path("keyId").asLong());
    }

    private static SealedToken sealed(JsonNode endpoint, String kind) {
        for (JsonNode extension : endpoint.path("extension")) {
            if (!SEALED_TOKEN.equals(extension.path("url").asText())) {
                continue;
            }
            String foundKind = null;
            String keyId = null;
            String ciphertext = null;
            for (JsonNode part : extension.path("extension")) {
                switch (part.path("url").asText()) {
                    case "kind" -> foundKind = part.path("valueCode").asText();
                    case "keyId" -> keyId = part.path("valueString").asText();
                    case "ciphertext" ->
                        ciphertext = part.path("valueBase64Binary").asText();
                    default -> {}
                }
            }
            if (kind.equals(foundKind)) {
                return new SealedToken(Base64.getDecoder().decode(ciphertext), Long.parseUnsignedLong(keyId));
            }
        }
        throw new AssertionError("the Endpoint holds no sealed " + kind + " token: " + endpoint);
    }
}
