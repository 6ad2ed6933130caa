package health.wearables.adapters.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.validation.ValidationResult;
import health.wearables.application.port.out.ConnectionStore;
import health.wearables.application.port.out.ReauthMarks;
import health.wearables.application.port.out.ReauthMarksContract;
import health.wearables.application.port.out.ReversibleTokenCipher;
import health.wearables.application.port.out.Samples;
import health.wearables.application.port.out.SyncPoints.Outcome;
import health.wearables.application.port.out.SyncPoints.SyncPoint;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.ConnectionStatus;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.StoredConnection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Endpoint;
import org.junit.jupiter.api.Test;

/**
 * The reauth-marks contract against HAPI FHIR JPA on the real PostgreSQL ({@code Endpoint.status} {@code suspended}),
 * plus what only the Endpoint shows: its status, its tags, and what a refresh and a reconnect do to a marked one.
 */
class FhirReauthMarksTest extends ReauthMarksContract {
    private final EmbeddedFhirStore fhir = SharedFhirStore.get();
    private final FhirConnectionStore store = SharedFhirStore.connections();
    private final ReversibleTokenCipher cipher = new ReversibleTokenCipher();

    @Override
    protected ReauthMarks marks() {
        return store;
    }

    @Override
    protected ConnectionStore store() {
        return store;
    }

    private SealedCredentials credentials(ConnectionKey key, String access) {
        return Samples.sealed(cipher, key, access, Optional.of("refresh-of-" + access));
    }

    private Endpoint endpointOf(ConnectionKey key) {
        SearchParameterMap search = SearchParameterMap.newSynchronous();
        search.add("identifier", new TokenParam(EndpointMapping.CONNECTION_SYSTEM, key.canonical()));
        List<?> found =
                fhir.endpoints().search(search, new SystemRequestDetails()).getAllResources();
        assertThat(found).hasSize(1);
        return (Endpoint) found.get(0);
    }

    private ConnectionStatus listedStatus(ConnectionKey key) {
        return store.list(key.project(), Optional.empty()).stream()
                .filter(connection -> connection.key().equals(key))
                .map(StoredConnection::status)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void a_marked_connection_is_a_suspended_endpoint_valid_r4_and_listed_as_reauth_required_in_its_project() {
        ConnectionKey key = Samples.connectionKey();
        SealedCredentials refused = credentials(key, "access-s");
        store.save(refused);

        assertThat(store.markReauthRequired(refused)).isTrue();

        Endpoint endpoint = endpointOf(key);
        assertThat(endpoint.getStatus()).isEqualTo(Endpoint.EndpointStatus.SUSPENDED);
        ValidationResult result = FhirContext.forR4Cached().newValidator().validateWithResult(endpoint);
        assertThat(result.isSuccessful()).as(result.getMessages().toString()).isTrue();
        assertThat(listedStatus(key)).isEqualTo(ConnectionStatus.REAUTH_REQUIRED);
        assertThat(ConnectionStatus.REAUTH_REQUIRED.label()).isEqualTo("reauth_required");
        assertThat(store.find(key)).as("the credentials stay as they were").contains(refused);
    }

    @Test
    void marking_again_with_the_same_credentials_answers_true_and_makes_no_new_version() {
        ConnectionKey key = Samples.connectionKey();
        SealedCredentials refused = credentials(key, "access-twice");
        store.save(refused);
        store.markReauthRequired(refused);
        String version = endpointOf(key).getMeta().getVersionId();

        assertThat(store.markReauthRequired(refused)).isTrue();

        assertThat(endpointOf(key).getMeta().getVersionId()).isEqualTo(version);
        assertThat(listedStatus(key)).isEqualTo(ConnectionStatus.REAUTH_REQUIRED);
    }

    @Test
    void a_reconnect_writes_a_marked_endpoint_active_again() {
        ConnectionKey key = Samples.connectionKey();
        SealedCredentials refused = credentials(key, "access-a");
        store.save(refused);
        store.markReauthRequired(refused);

        StoredConnection reconnected =
                store.save(credentials(key, "access-reconnected")).connection();

        assertThat(reconnected.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(endpointOf(key).getStatus()).isEqualTo(Endpoint.EndpointStatus.ACTIVE);
        assertThat(listedStatus(key)).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void a_refresh_of_a_marked_connection_keeps_it_marked() {
        ConnectionKey key = Samples.connectionKey();
        SealedCredentials refused = credentials(key, "access-k");
        store.save(refused);
        store.markReauthRequired(refused);
        SealedCredentials refreshed = credentials(key, "access-k2");

        assertThat(store.replace(refused, refreshed)).isTrue();

        assertThat(store.find(key)).contains(refreshed);
        assertThat(endpointOf(key).getStatus()).isEqualTo(Endpoint.EndpointStatus.SUSPENDED);
        assertThat(listedStatus(key)).isEqualTo(ConnectionStatus.REAUTH_REQUIRED);
    }

    @Test
    void a_refresh_keeps_an_active_connection_active() {
        ConnectionKey key = Samples.connectionKey();
        SealedCredentials before = credentials(key, "access-b");
        store.save(before);

        assertThat(store.replace(before, credentials(key, "access-b2"))).isTrue();

        assertThat(endpointOf(key).getStatus()).isEqualTo(Endpoint.EndpointStatus.ACTIVE);
    }

    @Test
    void a_mark_of_credentials_a_refresh_already_replaced_is_refused() {
        ConnectionKey key = Samples.connectionKey();
        SealedCredentials old = credentials(key, "access-o");
        store.save(old);
        store.replace(old, credentials(key, "access-o2"));

        assertThat(store.markReauthRequired(old)).isFalse();

        assertThat(listedStatus(key)).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void the_sync_pending_mark_the_sync_point_and_the_project_tag_survive_the_mark_and_the_reconnect() {
        ConnectionKey key = Samples.connectionKey();
        FhirSyncPoints points = new FhirSyncPoints(fhir);
        SealedCredentials refused = credentials(key, "access-t");
        store.save(refused);
        store.markSyncPending(key);
        SyncPoint point = new SyncPoint(
                Optional.of(Instant.parse("2026-11-02T12:00:00Z")), Instant.parse("2026-11-02T12:00:30Z"), Outcome.OK);
        points.record(key, point);

        assertThat(store.markReauthRequired(refused)).isTrue();

        assertThat(endpointOf(key).getMeta().getTag(EndpointMapping.SYNC_TAG_SYSTEM, EndpointMapping.SYNC_PENDING))
                .isNotNull();
        assertThat(points.find(key)).contains(point);
        assertThat(endpointOf(key)
                        .getMeta()
                        .getTag(
                                EndpointMapping.PROJECT_TAG_SYSTEM,
                                key.project().value()))
                .isNotNull();
        assertThat(store.list(key.project(), Optional.empty()))
                .extracting(StoredConnection::key)
                .containsExactly(key);

        store.save(credentials(key, "access-t2"));

        assertThat(endpointOf(key).getMeta().getTag(EndpointMapping.SYNC_TAG_SYSTEM, EndpointMapping.SYNC_PENDING))
                .isNotNull();
        assertThat(points.find(key)).contains(point);
        assertThat(listedStatus(key)).isEqualTo(ConnectionStatus.ACTIVE);
    }
}
