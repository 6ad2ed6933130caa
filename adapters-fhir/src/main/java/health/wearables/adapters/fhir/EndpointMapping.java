package health.wearables.adapters.fhir;

import health.wearables.domain.ConnectionKey;
import health.wearables.domain.ConnectionStatus;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.SealedToken;
import health.wearables.domain.StoredConnection;
import health.wearables.domain.lifecycle.EndReason;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Base64BinaryType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * A connection as a FHIR R4 {@link Endpoint}: valid R4 (status, connectionType, payloadType, address), identified by
 * project, patient and provider, tagged with the project, and carrying the tokens only as ciphertext.
 */
final class EndpointMapping {
    static final String BASE = "https://wearables.health/fhir/";
    static final String CONNECTION_SYSTEM = BASE + "NamingSystem/connection";
    static final String PROJECT_PATIENT_SYSTEM = BASE + "NamingSystem/project-patient";
    static final String PROVIDER_USER_SYSTEM = BASE + "NamingSystem/provider-user";
    static final String PROJECT_TAG_SYSTEM = BASE + "CodeSystem/project";
    /** The meta tag {@code sync|pending}: the connection's initial sync could not be queued yet. */
    static final String SYNC_TAG_SYSTEM = BASE + "CodeSystem/sync";

    static final String SYNC_PENDING = "pending";

    /**
     * The {@code Endpoint.status} of a connection whose patient must connect again ({@code reauth_required}). R4's
     * value set for it is {@code active | suspended | error | off | entered-in-error | test}; {@code suspended}, "this
     * endpoint is temporarily unavailable", is the one that fits: nothing is wrong with the endpoint's definition (not
     * {@code error}) and it is not switched off for good (not {@code off}, a revoked connection); it is unavailable until
     * the patient reconnects, which writes it {@code active} again.
     */
    static final Endpoint.EndpointStatus REAUTH_REQUIRED = Endpoint.EndpointStatus.SUSPENDED;

    static final String CONNECTION_TYPE_SYSTEM = BASE + "CodeSystem/endpoint-connection-type";
    static final String PAYLOAD_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/endpoint-payload-type";

    static final String EXT_PATIENT = BASE + "StructureDefinition/patient";
    static final String EXT_PROVIDER = BASE + "StructureDefinition/provider";
    static final String EXT_SEALED_TOKEN = BASE + "StructureDefinition/sealed-token";
    static final String EXT_ACCESS_EXPIRES = BASE + "StructureDefinition/access-token-expires-at";
    static final String EXT_SCOPE = BASE + "StructureDefinition/scope";
    /** Why an {@code off} Endpoint ended: {@code disconnected}, {@code deauthorized} or {@code retired}. */
    static final String EXT_END_REASON = BASE + "StructureDefinition/end-reason";

    private static final String KIND_ACCESS = "access";
    private static final String KIND_REFRESH = "refresh";
    private static final String KIND_TOKEN_SECRET = "token-secret";

    private EndpointMapping() {}

    static String identifierSearch(ConnectionKey key) {
        return CONNECTION_SYSTEM + "|" + key.canonical();
    }

    static Endpoint toEndpoint(SealedCredentials credentials, URI address) {
        ConnectionKey key = credentials.key();
        Endpoint endpoint = new Endpoint();
        endpoint.getMeta().addTag(PROJECT_TAG_SYSTEM, key.project().value(), null);
        endpoint.addIdentifier(new Identifier().setSystem(CONNECTION_SYSTEM).setValue(key.canonical()));
        endpoint.addIdentifier(new Identifier()
                .setSystem(PROJECT_PATIENT_SYSTEM)
                .setValue(key.project().value() + "/" + key.patient().value()));
        credentials
                .providerUserId()
                .ifPresent(user -> endpoint.addIdentifier(new Identifier()
                        .setSystem(PROVIDER_USER_SYSTEM + "/" + key.provider().value())
                        .setValue(user)));
        endpoint.setStatus(Endpoint.EndpointStatus.ACTIVE);
        endpoint.setConnectionType(
                new Coding(CONNECTION_TYPE_SYSTEM, "wearable-oauth", "Wearable provider API (OAuth)"));
        endpoint.setName(key.provider().value() + " connection of Patient/"
                + key.patient().value());
        endpoint.addPayloadType(new CodeableConcept(new Coding(PAYLOAD_TYPE_SYSTEM, "any", "Any")));
        endpoint.setAddress(address.toString());
        endpoint.setPeriod(new Period().setStart(Date.from(credentials.connectedAt())));
        endpoint.addExtension(
                EXT_PATIENT, new Reference("Patient/" + key.patient().value()));
        endpoint.addExtension(EXT_PROVIDER, new CodeType(key.provider().value()));
        endpoint.addExtension(sealed(KIND_ACCESS, credentials.accessToken()));
        credentials.refreshToken().ifPresent(refresh -> endpoint.addExtension(sealed(KIND_REFRESH, refresh)));
        credentials.tokenSecret().ifPresent(secret -> endpoint.addExtension(sealed(KIND_TOKEN_SECRET, secret)));
        credentials
                .accessTokenExpiresAt()
                .ifPresent(expiry -> endpoint.addExtension(EXT_ACCESS_EXPIRES, new InstantType(Date.from(expiry))));
        credentials.scopes().forEach(scope -> endpoint.addExtension(EXT_SCOPE, new StringType(scope)));
        return endpoint;
    }

    private static Extension sealed(String kind, SealedToken token) {
        Extension extension = new Extension(EXT_SEALED_TOKEN);
        extension.addExtension("kind", new CodeType(kind));
        extension.addExtension("keyId", new StringType(Long.toUnsignedString(token.keyId())));
        extension.addExtension("ciphertext", new Base64BinaryType(token.ciphertext()));
        return extension;
    }

    private static Optional<SealedToken> sealedToken(Endpoint endpoint, String wanted) {
        return endpoint.getExtensionsByUrl(EXT_SEALED_TOKEN).stream()
                .filter(ext ->
                        wanted.equals(ext.getExtensionByUrl("kind").getValue().primitiveValue()))
                .findFirst()
                .map(ext -> new SealedToken(
                        ((Base64BinaryType) ext.getExtensionByUrl("ciphertext").getValue()).getValue(),
                        Long.parseUnsignedLong(
                                ext.getExtensionByUrl("keyId").getValue().primitiveValue())));
    }

    static ConnectionKey key(Endpoint endpoint) {
        String canonical = endpoint.getIdentifier().stream()
                .filter(id -> CONNECTION_SYSTEM.equals(id.getSystem()))
                .map(Identifier::getValue)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Endpoint without connection identifier"));
        String[] parts = canonical.split("/", 3);
        return new ConnectionKey(new ProjectId(parts[0]), new PatientId(parts[1]), new ProviderSlug(parts[2]));
    }

    static SealedCredentials toCredentials(Endpoint endpoint) {
        ConnectionKey key = key(endpoint);
        Optional<String> providerUser = endpoint.getIdentifier().stream()
                .filter(id -> (PROVIDER_USER_SYSTEM + "/" + key.provider().value()).equals(id.getSystem()))
                .map(Identifier::getValue)
                .findFirst();
        return new SealedCredentials(
                key,
                sealedToken(endpoint, KIND_ACCESS)
                        .orElseThrow(() -> new IllegalStateException("Endpoint without access token")),
                sealedToken(endpoint, KIND_REFRESH),
                sealedToken(endpoint, KIND_TOKEN_SECRET),
                expiry(endpoint),
                scopes(endpoint),
                providerUser,
                connectedAt(endpoint));
    }

    static StoredConnection toStoredConnection(Endpoint endpoint) {
        return new StoredConnection(
                key(endpoint),
                endpoint.getIdElement().getIdPart(),
                status(endpoint),
                connectedAt(endpoint),
                expiry(endpoint),
                scopes(endpoint));
    }

    /**
     * The connection's status read from {@code Endpoint.status}: {@code active} is active, {@code suspended} is
     * reauth_required ({@link #REAUTH_REQUIRED}), {@code off} is revoked, and anything else ({@code error}, {@code
     * entered-in-error}, {@code test}, none) is an error.
     */
    static ConnectionStatus status(Endpoint endpoint) {
        Endpoint.EndpointStatus status = endpoint.getStatus();
        if (status == Endpoint.EndpointStatus.ACTIVE) {
            return ConnectionStatus.ACTIVE;
        }
        if (status == REAUTH_REQUIRED) {
            return ConnectionStatus.REAUTH_REQUIRED;
        }
        if (status == Endpoint.EndpointStatus.OFF) {
            return endReason(endpoint).orElse(EndReason.DISCONNECTED).status();
        }
        return ConnectionStatus.ERROR;
    }

    /** Why the Endpoint ended, if it is {@code off}; an {@code off} Endpoint without a reason was disconnected. */
    static Optional<EndReason> endReason(Endpoint endpoint) {
        if (endpoint.getStatus() != Endpoint.EndpointStatus.OFF) {
            return Optional.empty();
        }
        return Optional.of(endpoint.getExtensionsByUrl(EXT_END_REASON).stream()
                .findFirst()
                .flatMap(ext -> EndReason.parse(ext.getValue().primitiveValue()))
                .orElse(EndReason.DISCONNECTED));
    }

    /** Whether the Endpoint still holds token material (an ended one holds none). */
    static boolean holdsCredentials(Endpoint endpoint) {
        return sealedToken(endpoint, KIND_ACCESS).isPresent();
    }

    /**
     * The Endpoint ended for {@code reason}: {@code off}, its reason recorded, every sealed token and the access
     * token's expiry gone, the end of its period set; identifiers (and so the listing) stay.
     */
    static Endpoint ended(Endpoint endpoint, EndReason reason, Instant at) {
        Endpoint ended = endpoint.copy();
        ended.getExtension()
                .removeIf(ext -> EXT_SEALED_TOKEN.equals(ext.getUrl())
                        || EXT_ACCESS_EXPIRES.equals(ext.getUrl())
                        || EXT_END_REASON.equals(ext.getUrl()));
        ended.addExtension(EXT_END_REASON, new CodeType(reason.label()));
        ended.setStatus(Endpoint.EndpointStatus.OFF);
        ended.getPeriod().setEnd(Date.from(at));
        ended.setId(endpoint.getIdElement().toUnqualified());
        return ended;
    }

    private static Instant connectedAt(Endpoint endpoint) {
        return endpoint.getPeriod().getStart().toInstant();
    }

    private static Optional<Instant> expiry(Endpoint endpoint) {
        return endpoint.getExtensionsByUrl(EXT_ACCESS_EXPIRES).stream()
                .findFirst()
                .map(ext -> ((InstantType) ext.getValue()).getValue().toInstant());
    }

    private static List<String> scopes(Endpoint endpoint) {
        List<String> scopes = new ArrayList<>();
        endpoint.getExtensionsByUrl(EXT_SCOPE)
                .forEach(ext -> scopes.add(ext.getValue().primitiveValue()));
        return scopes;
    }
}
