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
import org.hl7.fhir.r4.model.Endpoint;
import org.junit.jupiter.api.Test;

/** The sync points contract against HAPI FHIR JPA on the real PostgreSQL: meta tags on the connection's Endpoint. */
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

    @Test
    void recording_syncs_makes_no_new_version_of_the_endpoint_and_leaves_two_tags() {
        ConnectionKey key = Samples.connectionKey();
        connections.save(Samples.sealed(new ReversibleTokenCipher(), key, "access-v", Optional.of("refresh-v")));
        String version = endpointOf(key).getMeta().getVersionId();
        SealedCredentials credentials = connections.find(key).orElseThrow();
        Instant noon = Instant.parse("2026-11-02T12:00:00Z");

        for (int hour = 0; hour < 5; hour++) {
            Instant at = noon.plus(Duration.ofHours(hour));
            points.record(
                    key, new SyncPoint(Optional.of(at), at.plusSeconds(20), hour == 3 ? Outcome.FAILED : Outcome.OK));
        }

        Endpoint endpoint = endpointOf(key);
        assertThat(endpoint.getMeta().getVersionId()).isEqualTo(version);
        assertThat(fhir.endpoints()
                        .history(
                                endpoint.getIdElement().toUnqualifiedVersionless(),
                                null,
                                null,
                                null,
                                new SystemRequestDetails())
                        .size())
                .isEqualTo(1);
        assertThat(endpoint.getMeta().getTag())
                .filteredOn(tag -> tag.getSystem().startsWith(EndpointMapping.BASE + "CodeSystem/sync-"))
                .extracting(
                        tag -> tag.getSystem().substring(tag.getSystem().lastIndexOf('/') + 1) + "|" + tag.getCode())
                .containsExactlyInAnyOrder("sync-reach|2026-11-02T16:00:00Z", "sync-last|ok/2026-11-02T16:00:20Z");
        assertThat(connections.find(key)).contains(credentials);
    }

    @Test
    void records_of_one_connection_meeting_at_once_all_land_and_leave_the_farthest_reach() throws Exception {
        ConnectionKey key = Samples.connectionKey();
        connections.save(Samples.sealed(new ReversibleTokenCipher(), key, "access-r", Optional.empty()));
        Instant noon = Instant.parse("2026-11-02T12:00:00Z");
        ExecutorService recorders = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> records = new ArrayList<>();
        for (int each = 0; each < 4; each++) {
            Instant at = noon.plus(Duration.ofHours(each));
            records.add(recorders.submit(() -> {
                start.await();
                points.record(key, new SyncPoint(Optional.of(at), at.plusSeconds(20), Outcome.OK));
                return null;
            }));
        }
        start.countDown();
        for (Future<?> record : records) {
            record.get(60, TimeUnit.SECONDS);
        }
        recorders.shutdown();

        assertThat(points.find(key).flatMap(SyncPoint::reach)).contains(noon.plus(Duration.ofHours(3)));
        Instant after = noon.plus(Duration.ofHours(4));
        points.record(key, new SyncPoint(Optional.empty(), after, Outcome.FAILED));
        assertThat(points.find(key))
                .contains(new SyncPoint(Optional.of(noon.plus(Duration.ofHours(3))), after, Outcome.FAILED));
        assertThat(endpointOf(key).getMeta().getTag())
                .filteredOn(tag -> tag.getSystem().startsWith(EndpointMapping.BASE + "CodeSystem/sync-"))
                .hasSize(2);
    }

    @Test
    void a_compare_and_set_of_the_credentials_still_succeeds_after_a_sync_was_recorded() {
        ConnectionKey key = Samples.connectionKey();
        ReversibleTokenCipher cipher = new ReversibleTokenCipher();
        connections.save(Samples.sealed(cipher, key, "access-c", Optional.of("refresh-c")));
        SealedCredentials expected = connections.find(key).orElseThrow();

        points.record(
                key, new SyncPoint(Optional.of(Instant.parse("2026-11-02T12:00:00Z")), Instant.now(), Outcome.OK));

        assertThat(connections.replace(expected, Samples.sealed(cipher, key, "access-d", Optional.of("refresh-d"))))
                .isTrue();
        assertThat(points.find(key)).isPresent();
    }
}
