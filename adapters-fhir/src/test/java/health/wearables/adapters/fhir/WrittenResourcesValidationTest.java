package health.wearables.adapters.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import health.wearables.application.port.out.ReversibleTokenCipher;
import health.wearables.application.port.out.Samples;
import health.wearables.application.port.out.SyncPoints.Outcome;
import health.wearables.application.port.out.SyncPoints.SyncPoint;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.sync.Category;
import health.wearables.domain.sync.DataType;
import health.wearables.domain.sync.Effective;
import health.wearables.domain.sync.ObservationDraft;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile case 58: every resource the adapter writes (an Observation of every kind of data, the connection's Device,
 * its Endpoint and its sync state), read back from the store as a client would get it (the sync state as the gateway
 * reads it: {@code /fhir} does not serve it), validates with HAPI's own instance validator against R4 core, and the vital signs against the R4 vital-signs profiles they claim, with 0 errors. Offline: R4's
 * own profiles and value sets, and the code systems HAPI knows without a terminology server (not LOINC: its codes are
 * only checked against the profiles' fixed patterns, and an unknown LOINC code is a warning, not an error).
 */
class WrittenResourcesValidationTest {
    private static final Instant MORNING = Instant.parse("2026-11-02T07:30:00Z");
    private static final EnumSet<ResultSeverityEnum> ERRORS =
            EnumSet.of(ResultSeverityEnum.ERROR, ResultSeverityEnum.FATAL);

    private static EmbeddedFhirStore fhir;
    private static FhirValidator validator;
    private static ConnectionKey connection;

    @BeforeAll
    static void writeOneOfEverything() {
        fhir = SharedFhirStore.get();
        FhirContext context = fhir.fhirContext();
        ValidationSupportChain support = new ValidationSupportChain(
                new DefaultProfileValidationSupport(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context),
                new SnapshotGeneratingValidationSupport(context));
        validator = context.newValidator().registerValidatorModule(new FhirInstanceValidator(support));

        connection = Samples.connectionKey();
        SharedFhirStore.connections()
                .save(Samples.sealed(new ReversibleTokenCipher(), connection, "access-v", Optional.of("refresh-v")));
        List<ObservationDraft> page = new ArrayList<>();
        for (DataType type : DataType.values()) {
            Effective effective = type.timing() == DataType.Timing.POINT
                    ? Effective.at(MORNING)
                    : Effective.between(MORNING.minus(Duration.ofHours(8)), MORNING);
            page.add(new ObservationDraft(
                    connection,
                    type,
                    typical(type),
                    effective,
                    ObservationDraft.identifierOf(connection, type, "v-1")));
        }
        assertThat(new FhirObservationStore(fhir, SharedFhirStore.NO_PROVIDERS).write(connection, page))
                .isEqualTo(DataType.values().length);
    }

    /** A value a body plausibly has, inside each kind's range. */
    private static double typical(DataType type) {
        for (double value : new double[] {72, 37.2, 98, 16, 23.4, 45, 8_000}) {
            if (type.plausible(value)) {
                return value;
            }
        }
        throw new IllegalStateException("no typical value for " + type);
    }

    private static List<SingleValidationMessage> errors(ValidationResult result) {
        return result.getMessages().stream()
                .filter(message -> ERRORS.contains(message.getSeverity()))
                .toList();
    }

    private static Map<ResultSeverityEnum, Integer> counts(ValidationResult result) {
        Map<ResultSeverityEnum, Integer> counts = new TreeMap<>();
        result.getMessages().forEach(message -> counts.merge(message.getSeverity(), 1, Integer::sum));
        return counts;
    }

    /**
     * Validates the resource as {@code /fhir} serves it, as JSON. (Handed the object HAPI's DAO loaded, the validator
     * skips the profiles and the units without a word: a heart rate in {@code beats} passes. Encoded, it fails.)
     */
    private static ValidationResult validated(String what, IBaseResource resource) {
        String json = fhir.fhirContext().newJsonParser().encodeResourceToString(resource);
        ValidationResult result = validator.validateWithResult(json);
        System.out.println("validated " + what + ": " + counts(result));
        result.getMessages().stream()
                .filter(message -> message.getSeverity() != ResultSeverityEnum.INFORMATION)
                .forEach(message -> System.out.println("  " + message.getSeverity() + " " + message.getLocationString()
                        + ": " + message.getMessage()));
        return result;
    }

    @Test
    void an_observation_of_every_kind_of_data_validates_with_no_error() {
        List<Observation> observations = StoredData.observations(fhir, connection);
        assertThat(observations).hasSize(DataType.values().length);

        for (Observation observation : observations) {
            String kind = observation.getCode().getText()
                    + (observation.getMeta().hasProfile()
                            ? " " + observation.getMeta().getProfile()
                            : "");
            ValidationResult result = validated("Observation " + kind, observation);

            assertThat(errors(result)).as(kind).isEmpty();
        }
    }

    @Test
    void every_vital_sign_and_nothing_else_claims_the_vital_signs_profile() {
        List<Observation> observations = StoredData.observations(fhir, connection);

        assertThat(observations)
                .filteredOn(observation -> observation.getMeta().hasProfile(DraftMapping.VITAL_SIGNS_PROFILE))
                .extracting(observation ->
                        observation.getCategoryFirstRep().getCodingFirstRep().getCode())
                .hasSize((int) List.of(DataType.values()).stream()
                        .filter(type -> type.category() == Category.VITAL_SIGNS)
                        .count())
                .containsOnly("vital-signs");
    }

    @Test
    void the_validator_does_check_the_profiles_a_heart_rate_in_the_wrong_unit_fails() {
        Observation heartRate = StoredData.observations(fhir, connection).stream()
                .filter(observation -> observation.getCode().getText().equals(DataType.HEART_RATE.display()))
                .findFirst()
                .orElseThrow();
        heartRate.getValueQuantity().setCode("beats");

        assertThat(errors(validated("mutated", heartRate))).isNotEmpty();
    }

    @Test
    void the_device_validates_with_no_error() {
        List<Device> devices = StoredData.devices(fhir, connection);
        assertThat(devices).hasSize(1);

        assertThat(errors(validated("Device", devices.get(0)))).isEmpty();
    }

    @Test
    void the_endpoint_validates_with_no_error() {
        Endpoint endpoint = (Endpoint) fhir.endpoints()
                .search(
                        ca.uhn.fhir.jpa.searchparam.SearchParameterMap.newSynchronous(
                                "identifier",
                                new ca.uhn.fhir.rest.param.TokenParam(
                                        EndpointMapping.CONNECTION_SYSTEM, connection.canonical())),
                        new ca.uhn.fhir.rest.api.server.SystemRequestDetails())
                .getAllResources()
                .get(0);

        assertThat(errors(validated("Endpoint", endpoint))).isEmpty();
    }

    @Test
    void the_sync_state_validates_with_no_error() {
        FhirSyncPoints points = new FhirSyncPoints(fhir);
        points.record(
                connection,
                new SyncPoint(Optional.of(MORNING), Instant.parse("2026-11-02T07:31:00.123456Z"), Outcome.OK));

        assertThat(errors(validated("sync state", points.stateOf(connection).orElseThrow())))
                .isEmpty();
    }
}
