package health.wearables.acceptance.steps;

import com.fasterxml.jackson.databind.JsonNode;
import health.wearables.adapters.fhir.crypto.TinkTokenCipher;
import health.wearables.adapters.fhir.crypto.TokenKeysets;
import health.wearables.application.port.out.TokenCipher.TokenKind;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.SealedToken;
import java.util.Base64;
import java.util.Optional;

/**
 * Opens the ciphertexts of an Endpoint (or of credentials the gateway holds for a retry) with the gateway's own keyset, as an operator holding the key could: the test
 * learns the tokens the provider really issued, to look for them where they must never be.
 */
final class SealedCredentials {
    private static final String SEALED_TOKEN = "https://wearables.health/fhir/StructureDefinition/sealed-token";

    private SealedCredentials() {
    }

    static PatientJourney.IssuedTokens open(JsonNode endpoint, String project, String patient, String provider) {
        return open(sealed(endpoint, "access"), sealed(endpoint, "refresh"), project, patient, provider);
    }

    /** The same for the credentials the gateway holds in Redis while the FHIR store cannot take them. */
    static PatientJourney.IssuedTokens openHeld(JsonNode held, String project, String patient, String provider) {
        return open(heldToken(held, "accessToken"), heldToken(held, "refreshToken"), project, patient, provider);
    }

    private static PatientJourney.IssuedTokens open(SealedToken access, SealedToken refresh, String project,
                                                    String patient, String provider) {
        TinkTokenCipher cipher = new TinkTokenCipher(TokenKeysets.load(Optional.empty(),
                Settings.gatewayDataDirectory().resolve("token-keyset.json"), false));
        ConnectionKey key = new ConnectionKey(new ProjectId(project), new PatientId(patient), new ProviderSlug(provider));
        return new PatientJourney.IssuedTokens(cipher.open(key, TokenKind.ACCESS, access),
                cipher.open(key, TokenKind.REFRESH, refresh));
    }

    private static SealedToken heldToken(JsonNode held, String field) {
        JsonNode token = held.path(field);
        if (!token.path("ciphertext").isTextual() || !token.path("keyId").canConvertToLong()) {
            throw new AssertionError("the held credentials have no sealed " + field + ": " + held);
        }
        return new SealedToken(Base64.getDecoder().decode(token.path("ciphertext").asText()), token.path("keyId").asLong());
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
                    case "ciphertext" -> ciphertext = part.path("valueBase64Binary").asText();
                    default -> { }
                }
            }
            if (kind.equals(foundKind)) {
                return new SealedToken(Base64.getDecoder().decode(ciphertext), Long.parseUnsignedLong(keyId));
            }
        }
        throw new AssertionError("the Endpoint holds no sealed " + kind + " token: " + endpoint);
    }
}
