package health.wearables.adapters.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.ObservationStore;
import health.wearables.application.port.out.ObservationStoreContract;
import health.wearables.application.port.out.Samples;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.sync.DataType;
import health.wearables.domain.sync.Effective;
import health.wearables.domain.sync.ObservationDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

/**
 * The observation store contract against HAPI FHIR JPA on the real PostgreSQL, plus what only FHIR resources can show:
 * one Device per connection, and how the Observations look.
 */
class FhirObservationStoreTest extends ObservationStoreContract {
    private final EmbeddedFhirStore fhir = SharedFhirStore.get();
    private final FhirObservationStore store = new FhirObservationStore(fhir, SharedFhirStore.NO_PROVIDERS);

    @Override
    protected ObservationStore store() {
        return store;
    }

    @Override
    protected List<Written> written(ConnectionKey connection) {
        return StoredData.observations(fhir, connection).stream()
                .map(FhirObservationStoreTest::read)
                .toList();
    }

    private static Written read(Observation observation) {
        String gatewayCode = observation.getCode().getCoding().stream()
                .filter(coding -> DataType.GATEWAY_SYSTEM.equals(coding.getSystem()))
                .findFirst()
                .orElseThrow()
                .getCode();
        DataType type = List.of(DataType.values()).stream()
                .filter(each -> each.gatewayCode().equals(gatewayCode))
                .findFirst()
                .orElseThrow();
        Effective effective = observation.hasEffectivePeriod()
                ? Effective.between(
                        observation.getEffectivePeriod().getStart().toInstant(),
                        observation.getEffectivePeriod().getEnd().toInstant())
                : Effective.at(observation.getEffectiveDateTimeType().getValue().toInstant());
        return new Written(
                observation.getIdentifierFirstRep().getValue(),
                type,
                observation.getValueQuantity().getValue().doubleValue(),
                effective,
                observation.getIdElement().getVersionIdPartAsLong());
    }

    @Test
    void the_connection_has_one_device_whatever_number_of_pages_it_writes() {
        ConnectionKey connection = Samples.connectionKey();
        store.write(connection, List.of(heartRate(connection, "hr-1", 64)));
        store.write(connection, List.of(heartRate(connection, "hr-2", 65)));

        List<Device> devices = StoredData.devices(fhir, connection);

        assertThat(devices).singleElement().satisfies(device -> {
            assertThat(device.getPatient().getReference())
                    .isEqualTo("Patient/" + connection.patient().value());
            assertThat(device.getMeta()
                            .getTag(
                                    EndpointMapping.PROJECT_TAG_SYSTEM,
                                    connection.project().value()))
                    .isNotNull();
            assertThat(device.getIdElement().getVersionIdPart()).isEqualTo("1");
        });
        assertThat(StoredData.observations(fhir, connection))
                .hasSize(2)
                .allSatisfy(observation -> assertThat(observation.getDevice().getReference())
                        .isEqualTo(devices.get(0)
                                .getIdElement()
                                .toUnqualifiedVersionless()
                                .getValue()));
    }

    @Test
    void writers_racing_on_one_new_connection_leave_one_device_and_one_observation_per_record() throws Exception {
        for (int round = 0; round < 5; round++) {
            ConnectionKey connection = Samples.connectionKey();
            List<ObservationDraft> page =
                    List.of(heartRate(connection, "hr-1", 64), dailySteps(connection, "2026-11-01", 8_412));
            ExecutorService writers = Executors.newFixedThreadPool(4);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> outcomes = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                outcomes.add(writers.submit(() -> {
                    start.await();
                    return store.write(connection, page);
                }));
            }
            start.countDown();
            int written = 0;
            for (Future<Integer> outcome : outcomes) {
                written += outcome.get(60, TimeUnit.SECONDS);
            }
            writers.shutdown();

            assertThat(written)
                    .as("each record counted once, by the writer that created it")
                    .isEqualTo(2);
            assertThat(StoredData.devices(fhir, connection)).hasSize(1);
            assertThat(StoredData.observations(fhir, connection)).hasSize(2);
        }
    }

    /** Prints both as JSON, for the record of what the store writes. */
    @Test
    void a_heart_rate_and_a_day_of_steps_as_they_are_stored() {
        ConnectionKey connection = Samples.connectionKey();
        store.write(
                connection, List.of(heartRate(connection, "hr-1", 64), dailySteps(connection, "2026-11-01", 8_412)));
        String device = StoredData.devices(fhir, connection)
                .get(0)
                .getIdElement()
                .toUnqualifiedVersionless()
                .getValue();

        Map<String, Observation> byCode = new TreeMap<>();
        for (Observation observation : StoredData.observations(fhir, connection)) {
            byCode.put(observation.getCode().getCodingFirstRep().getCode(), observation);
            System.out.println(
                    fhir.fhirContext().newJsonParser().setPrettyPrint(true).encodeResourceToString(observation));
        }

        assertThat(byCode).containsOnlyKeys("8867-4", "41950-7");
        assertThat(byCode.values()).allSatisfy(observation -> {
            assertThat(observation.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
            assertThat(observation.getSubject().getReference())
                    .isEqualTo("Patient/" + connection.patient().value());
            assertThat(observation.getDevice().getReference()).isEqualTo(device);
            assertThat(observation
                            .getMeta()
                            .getTag(
                                    EndpointMapping.PROJECT_TAG_SYSTEM,
                                    connection.project().value()))
                    .isNotNull();
            assertThat(observation.getIdentifierFirstRep().getSystem()).isEqualTo(ObservationDraft.IDENTIFIER_SYSTEM);
            assertThat(observation.getValueQuantity().getSystem()).isEqualTo(DraftMapping.UCUM);
        });
        Observation pulse = byCode.get("8867-4");
        assertThat(pulse.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("vital-signs");
        assertThat(pulse.getCode().getCoding())
                .extracting(coding -> coding.getSystem() + "|" + coding.getCode())
                .containsExactly("http://loinc.org|8867-4", DataType.GATEWAY_SYSTEM + "|heart-rate");
        assertThat(pulse.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2026-11-02T07:30:00+00:00");
        assertThat(pulse.getValueQuantity().getValue()).isEqualByComparingTo("64");
        assertThat(pulse.getValueQuantity().getCode()).isEqualTo("/min");
        assertThat(pulse.getMeta().hasProfile(DraftMapping.VITAL_SIGNS_PROFILE)).isTrue();
        Observation steps = byCode.get("41950-7");
        assertThat(steps.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("activity");
        assertThat(steps.getEffectivePeriod().getStartElement().getValueAsString())
                .isEqualTo("2026-11-01T00:00:00+00:00");
        assertThat(steps.getEffectivePeriod().getEndElement().getValueAsString())
                .isEqualTo("2026-11-02T00:00:00+00:00");
        assertThat(steps.getValueQuantity().getValue().toPlainString()).isEqualTo("8412");
        assertThat(steps.getValueQuantity().getCode()).isEqualTo("{steps}");
        assertThat(steps.getMeta().hasProfile()).isFalse();
    }
}
