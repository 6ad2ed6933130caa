package health.wearables.domain.sync;

import health.wearables.domain.ConnectionKey;
import health.wearables.domain.Hashing;
import java.util.Objects;

/**
 * An Observation as the domain decides it, before any FHIR library sees it: whose it is (the connection), what (the
 * kind, hence code, unit and category), the value, when, and an identifier that is the same every time the same
 * provider record is synced, so a second sync updates instead of duplicating, and a revised value becomes a new
 * version of the same Observation.
 */
public record ObservationDraft(
        ConnectionKey connection, DataType type, double value, Effective effective, String identifier) {

    /** The identifier system of the Observations the gateway writes. */
    public static final String IDENTIFIER_SYSTEM = "https://wearables.health/fhir/NamingSystem/observation";

    public ObservationDraft {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(effective, "effective");
        Objects.requireNonNull(identifier, "identifier");
    }

    /**
     * The identifier of a provider record for one connection: a SHA-256 over project, patient, provider, kind and the
     * provider's record id, so it has a fixed length, says nothing about the patient, and never collides across
     * projects or providers.
     */
    public static String identifierOf(ConnectionKey connection, DataType type, String sourceId) {
        return Hashing.sha256Hex(connection.canonical() + "/" + type.gatewayCode() + "/" + sourceId);
    }
}
