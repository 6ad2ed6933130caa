package health.wearables.adapters.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.wearables.application.port.out.ConnectionEnded;
import health.wearables.application.port.out.ObservationStore;
import health.wearables.application.port.out.ObservationStoreContract;
import health.wearables.application.port.out.ReversibleTokenCipher;
import health.wearables.application.port.out.Samples;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.lifecycle.EndReason;
import health.wearables.domain.sync.DataType;
import health.wearables.domain.sync.Effective;
import health.wearables.domain.sync.ObservationDraft;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    @Test
    void a_page_of_a_connection_that_ended_is_refused_and_writes_nothing() {
        FhirConnectionStore connections = SharedFhirStore.connections();
        ConnectionKey connection = Samples.connectionKey();
        connections.save(Samples.sealed(new ReversibleTokenCipher(), connection, "access-57", Optional.empty()));
        Effective morning = Effective.at(Instant.parse("2026-11-02T07:30:00Z"));
        store.write(
                connection,
                List.of(new ObservationDraft(connection, DataType.HEART_RATE, 61, morning, Samples.unique("hr"))));

        connections.end(connection, EndReason.DISCONNECTED);

        assertThatThrownBy(() -> store.write(
                        connection,
                        List.of(new ObservationDraft(
                                connection, DataType.HEART_RATE, 62, morning, Samples.unique("hr")))))
                .isInstanceOf(ConnectionEnded.class);
        assertThat(StoredData.observations(fhir, connection)).hasSize(1);
    }

    @Test
    void an_end_that_arrives_while_a_page_is_being_written_waits_for_it_and_no_page_commits_after_it()
            throws Exception {
        FhirConnectionStore connections = SharedFhirStore.connections();
        ConnectionKey connection = Samples.connectionKey();
        connections.save(Samples.sealed(new ReversibleTokenCipher(), connection, "access-57b", Optional.empty()));
        Instant start = Instant.parse("2026-10-01T00:00:00Z");
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> pages = writer.submit(() -> {
                int written = 0;
                try {
                    for (int page = 0; page < 200; page++) {
                        List<ObservationDraft> drafts = new ArrayList<>();
                        for (int each = 0; each < 20; each++) {
                            int minute = page * 20 + each;
                            drafts.add(new ObservationDraft(
                                    connection,
                                    DataType.HEART_RATE,
                                    60 + each,
                                    Effective.at(start.plusSeconds(60L * minute)),
                                    connection.patient().value() + "-hr-" + minute));
                        }
                        store.write(connection, drafts);
                        written += drafts.size();
                    }
                } catch (ConnectionEnded expected) {
                    return written;
                }
                return written;
            });
            Thread.sleep(300);
            connections.end(connection, EndReason.DISCONNECTED);
            int countedAtTheEnd = StoredData.observations(fhir, connection).size();

            int written = pages.get(60, TimeUnit.SECONDS);

            assertThat(written).as("pages written before the end").isPositive().isLessThan(4000);
            assertThat(StoredData.observations(fhir, connection))
                    .as("nothing committed after the end (hostile case 57)")
                    .hasSize(countedAtTheEnd)
                    .hasSize(written);
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    void a_purge_deletes_the_connections_observations_and_device_with_their_history_and_nothing_of_others() {
        FhirConnectionStore connections = SharedFhirStore.connections();
        ConnectionKey purged = Samples.connectionKey();
        ConnectionKey kept = Samples.connectionKey();
        Effective morning = Effective.at(Instant.parse("2026-11-02T07:30:00Z"));
        for (ConnectionKey each : List.of(purged, kept)) {
            connections.save(Samples.sealed(new ReversibleTokenCipher(), each, "a", Optional.empty()));
            String record = Samples.unique("hr");
            store.write(each, List.of(new ObservationDraft(each, DataType.HEART_RATE, 61, morning, record)));
            store.write(each, List.of(new ObservationDraft(each, DataType.HEART_RATE, 63, morning, record)));
        }
        String observationId =
                StoredData.observations(fhir, purged).get(0).getIdElement().getIdPart();

        connections.purge(purged);

        assertThat(StoredData.observations(fhir, purged)).isEmpty();
        assertThat(StoredData.devices(fhir, purged)).isEmpty();
        assertThat(StoredData.observations(fhir, kept)).hasSize(1);
        assertThat(StoredData.devices(fhir, kept)).hasSize(1);
        assertThatThrownBy(() -> fhir.observations()
                        .read(
                                new org.hl7.fhir.r4.model.IdType("Observation", observationId, "1"),
                                new ca.uhn.fhir.rest.api.server.SystemRequestDetails()))
                .as("not even an old version is left")
                .isInstanceOf(ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException.class);
    }
}
