package health.wearables.adapters.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import health.wearables.application.port.out.ConnectionStore;
import health.wearables.application.port.out.ReversibleTokenCipher;
import health.wearables.application.port.out.Samples;
import health.wearables.application.port.out.SyncPoints;
import health.wearables.application.port.out.SyncPoints.Outcome;
import health.wearables.application.port.out.SyncPoints.SyncPoint;
import health.wearables.application.port.out.SyncPointsContract;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.SealedCredentials;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Endpoint;
import org.junit.jupiter.api.Test;

/** The sync points contract against HAPI FHIR JPA on the real PostgreSQL: a Basic of its own per connection. */
class FhirSyncPointsTest extends SyncPointsContract {
    private final EmbeddedFhirStore fhir = SharedFhirStore.get();
    private final FhirConnectionStore connections = SharedFhirStore.connections();
    private final FhirSyncPoints points = new FhirSyncPoints(fhir);

    @Override
    protected SyncPoints points() {
        return points;
    }

    @Override
    protected ConnectionStore store() {
        return connections;
    }

    private Endpoint endpointOf(ConnectionKey key) {
        SearchParameterMap search = SearchParameterMap.newSynchronous();
        search.add("identifier", new TokenParam(EndpointMapping.CONNECTION_SYSTEM, key.canonical()));
        return (Endpoint) fhir.endpoints()
                .search(search, new SystemRequestDetails())
                .getAllResources()
                .get(0);
    }

    private Basic stateOf(ConnectionKey key) {
        return points.stateOf(key).orElseThrow();
    }

    private static List<String> tags(Endpoint endpoint) {
        return endpoint.getMeta().getTag().stream()
                .map(tag -> tag.getSystem() + "|" + tag.getCode())
                .toList();
    }

    @Test
    void recording_syncs_leaves_the_endpoint_as_it_was_so_a_refresh_compare_and_set_still_succeeds() {
        ConnectionKey key = Samples.connectionKey();
        ReversibleTokenCipher cipher = new ReversibleTokenCipher();
        connections.save(Samples.sealed(cipher, key, "access-v", Optional.of("refresh-v")));
        connections.markSyncPending(key);
        Endpoint before = endpointOf(key);
        SealedCredentials credentials = connections.find(key).orElseThrow();
        Instant noon = Instant.parse("2026-11-02T12:00:00Z");

        for (int hour = 0; hour < 5; hour++) {
            Instant at = noon.plus(Duration.ofHours(hour));
            points.record(
                    key, new SyncPoint(Optional.of(at), at.plusSeconds(20), hour == 3 ? Outcome.FAILED : Outcome.OK));
        }

        Endpoint after = endpointOf(key);
        assertThat(after.getMeta().getVersionId()).isEqualTo(before.getMeta().getVersionId());
        assertThat(after.getMeta().getLastUpdated()).isEqualTo(before.getMeta().getLastUpdated());
        assertThat(tags(after))
                .as("the project and sync|pending, nothing of the syncs")
                .containsExactlyInAnyOrderElementsOf(tags(before))
                .hasSize(2);
        assertThat(fhir.endpoints()
                        .history(
                                after.getIdElement().toUnqualifiedVersionless(),
                                null,
                                null,
                                null,
                                new SystemRequestDetails())
                        .size())
                .isEqualTo(1);
        assertThat(connections.find(key)).contains(credentials);
        assertThat(points.find(key))
                .contains(new SyncPoint(
                        Optional.of(noon.plus(Duration.ofHours(4))),
                        noon.plus(Duration.ofHours(4)).plusSeconds(20),
                        Outcome.OK));

        assertThat(connections.replace(credentials, Samples.sealed(cipher, key, "access-w", Optional.of("refresh-w"))))
                .as("a refresh's compare-and-set, on the version read before the syncs")
                .isTrue();
        assertThat(points.find(key).flatMap(SyncPoint::reach)).contains(noon.plus(Duration.ofHours(4)));
    }

    @Test
    void the_sync_state_is_one_basic_of_the_connection_tagged_with_its_project_and_kept_in_one_version() {
        ConnectionKey key = Samples.connectionKey();
        connections.save(Samples.sealed(new ReversibleTokenCipher(), key, "access-b", Optional.empty()));
        Instant reach = Instant.parse("2026-11-02T12:00:00.123456Z");
        Instant finishedAt = Instant.parse("2026-11-02T12:00:30.987654321Z");
        points.record(key, new SyncPoint(Optional.of(reach.minusSeconds(60)), finishedAt.minusSeconds(60), Outcome.OK));

        points.record(key, new SyncPoint(Optional.of(reach), finishedAt, Outcome.OK));

        Basic state = stateOf(key);
        assertThat(state.getMeta().getVersionId()).isEqualTo("2");
        assertThat(state.getMeta().getTag())
                .extracting(tag -> tag.getSystem() + "|" + tag.getCode())
                .containsExactly(
                        EndpointMapping.PROJECT_TAG_SYSTEM + "|" + key.project().value());
        assertThat(state.getIdentifier())
                .extracting(identifier -> identifier.getSystem() + "|" + identifier.getValue())
                .containsExactly(FhirSyncPoints.STATE_SYSTEM + "|" + key.canonical());
        assertThat(state.getCode().getCoding())
                .extracting(coding -> coding.getSystem() + "|" + coding.getCode())
                .containsExactly(FhirSyncPoints.KIND_SYSTEM + "|" + FhirSyncPoints.SYNC_STATE);
        assertThat(state.getSubject().getReference())
                .isEqualTo("Endpoint/" + endpointOf(key).getIdElement().getIdPart());
        assertThat(state.getExtension())
                .extracting(extension ->
                        extension.getUrl() + "=" + extension.getValue().primitiveValue())
                .containsExactly(
                        FhirSyncPoints.EXT_REACH + "=2026-11-02T12:00:00.123456Z",
                        FhirSyncPoints.EXT_LAST_OUTCOME + "=ok",
                        FhirSyncPoints.EXT_LAST_FINISHED + "=2026-11-02T12:00:30.987654321Z");
        assertThat(fhir.basics()
                        .history(
                                state.getIdElement().toUnqualifiedVersionless(),
                                null,
                                null,
                                null,
                                new SystemRequestDetails())
                        .size())
                .as("the first version was expunged")
                .isEqualTo(1);
        assertThat(points.find(key)).contains(new SyncPoint(Optional.of(reach), finishedAt, Outcome.OK));
    }

    @Test
    void a_connection_that_is_not_stored_gets_no_sync_state() {
        ConnectionKey unknown = Samples.connectionKey();

        points.record(unknown, new SyncPoint(Optional.of(Instant.now()), Instant.now(), Outcome.OK));

        assertThat(points.stateOf(unknown)).isEmpty();
    }

    @Test
    void records_of_one_connection_meeting_at_once_all_land_and_leave_one_sync_state_with_the_farthest_reach()
            throws Exception {
        ConnectionKey key = Samples.connectionKey();
        connections.save(Samples.sealed(new ReversibleTokenCipher(), key, "access-r", Optional.empty()));
        Instant noon = Instant.parse("2026-11-02T12:00:00Z");
        int threads = 4;
        int each = 10;
        ExecutorService recorders = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> records = new ArrayList<>();
        for (int thread = 0; thread < threads; thread++) {
            int offset = thread;
            records.add(recorders.submit(() -> {
                start.await();
                for (int record = 0; record < each; record++) {
                    // the threads' reaches interleave: the farthest of all is the last record of the last thread
                    Instant at = noon.plus(Duration.ofMinutes(record * threads + offset));
                    points.record(key, new SyncPoint(Optional.of(at), at.plusSeconds(20), Outcome.OK));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> record : records) {
            record.get(120, TimeUnit.SECONDS);
        }
        recorders.shutdown();

        Instant farthest = noon.plus(Duration.ofMinutes((long) threads * each - 1));
        assertThat(points.find(key).flatMap(SyncPoint::reach)).contains(farthest);
        SearchParameterMap search = SearchParameterMap.newSynchronous();
        search.add(Basic.SP_IDENTIFIER, new TokenParam(FhirSyncPoints.STATE_SYSTEM, key.canonical()));
        assertThat(fhir.basics().search(search, new SystemRequestDetails()).getAllResources())
                .hasSize(1);
        Instant after = noon.plus(Duration.ofHours(4));
        points.record(key, new SyncPoint(Optional.empty(), after, Outcome.FAILED));
        assertThat(points.find(key)).contains(new SyncPoint(Optional.of(farthest), after, Outcome.FAILED));
        Basic state = stateOf(key);
        assertThat(fhir.basics()
                        .history(
                                state.getIdElement().toUnqualifiedVersionless(),
                                null,
                                null,
                                null,
                                new SystemRequestDetails())
                        .size())
                .as("after a record that met no other, its version is the only one")
                .isEqualTo(1);
    }
}
