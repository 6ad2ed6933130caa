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
 * Opens the ciphertexts of an Endpoint with the gateway's own keyset, as an operator holding the key could: the test
 * learns the tokens the provider really issued, to look for them where they must never be.
 */
final class SealedCredentials {
    private static final String SEALED_TOKEN = "https://wearables.health/fhir/StructureDefinition/sealed-token";

    private SealedCredentials() {
    }

    static PatientJourney.IssuedTokens open(JsonNode endpoint, String project, String patient, String provider) {
        return new PatientJourney.IssuedTokens(
                open(endpoint, project, patient, provider, TokenKind.ACCESS, "access"),
                open(endpoint, project, patient, provider, TokenKind.REFRESH, "refresh"));
    }

    /** One sealed token of the Endpoint, by its kind on the Endpoint ({@code access}, {@code token-secret}, …). */
    static String open(JsonNode endpoint, String project, String patient, String provider, TokenKind kind,
                       String endpointKind) {
        TinkTokenCipher cipher = new TinkTokenCipher(TokenKeysets.load(Optional.empty(),
                Settings.gatewayDataDirectory().resolve("token-keyset.json"), false));
        ConnectionKey key = new ConnectionKey(new ProjectId(project), new PatientId(patient), new ProviderSlug(provider));
        return cipher.open(key, kind, sealed(endpoint, endpointKind));
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
