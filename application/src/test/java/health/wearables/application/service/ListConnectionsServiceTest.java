package health.wearables.application.service;

import static health.wearables.application.service.Gateway.ACME_KEY;
import static health.wearables.application.service.Gateway.GLOBEX_KEY;
import static health.wearables.application.service.Gateway.key;
import static health.wearables.application.service.Gateway.ok;
import static health.wearables.application.service.Gateway.rejection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import health.wearables.application.port.in.Unavailable;
import health.wearables.application.port.out.ConnectionStoreUnavailable;
import health.wearables.application.port.out.SyncPoints.Outcome;
import health.wearables.application.port.out.SyncPoints.SyncPoint;
import health.wearables.domain.ApiKey;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.ConnectionListing;
import health.wearables.domain.ConnectionStatus;
import health.wearables.domain.ListedConnection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.SyncStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListConnectionsServiceTest {
    private final Gateway gateway = new Gateway();

    @BeforeEach
    void someConnectionsExist() {
        gateway.connected(key("acme", "123", "withings"));
        gateway.connected(key("acme", "123", "fitbit"));
        gateway.connected(key("acme", "456", "withings"));
        gateway.connected(key("globex", "123", "withings"));
    }

    private ConnectionListing listing(String apiKey, Optional<String> patientId) {
        return ok(gateway.list.list(Optional.of(new ApiKey(apiKey)), patientId));
    }

    private List<ConnectionKey> keys(String apiKey, Optional<String> patientId) {
        return listing(apiKey, patientId).connections().stream()
                .map(ListedConnection::key)
                .toList();
    }

    @Test
    void a_call_without_an_api_key_is_unauthorized() {
        assertThat(rejection(gateway.list.list(Optional.empty(), Optional.empty()))
                        .code())
                .isEqualTo(RejectionCode.UNAUTHORIZED);
    }

    @Test
    void a_call_with_an_unknown_api_key_is_unauthorized() {
        assertThat(rejection(gateway.list.list(Optional.of(new ApiKey("wrong-key")), Optional.of("123")))
                        .code())
                .isEqualTo(RejectionCode.UNAUTHORIZED);
    }

    @Test
    void a_project_sees_only_its_own_connections() {
        assertThat(keys(ACME_KEY, Optional.empty()))
                .containsExactlyInAnyOrder(
                        key("acme", "123", "withings"), key("acme", "123", "fitbit"), key("acme", "456", "withings"));
        assertThat(keys(GLOBEX_KEY, Optional.empty())).containsExactly(key("globex", "123", "withings"));
    }

    @Test
    void the_patient_filter_narrows_to_that_patient_within_the_project() {
        assertThat(keys(ACME_KEY, Optional.of("123")))
                .containsExactlyInAnyOrder(key("acme", "123", "withings"), key("acme", "123", "fitbit"));
        assertThat(keys(GLOBEX_KEY, Optional.of("456"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12 3", "123&patientId=456", "p\u00E4tient"})
    void an_invalid_patient_id_fails_validation(String patientId) {
        assertThat(rejection(gateway.list.list(Optional.of(new ApiKey(ACME_KEY)), Optional.of(patientId)))
                        .code())
                .isEqualTo(RejectionCode.VALIDATION_FAILED);
    }

    @Test
    void the_api_key_is_checked_before_the_patient_id() {
        assertThat(rejection(gateway.list.list(Optional.empty(), Optional.of("12 3")))
                        .code())
                .isEqualTo(RejectionCode.UNAUTHORIZED);
    }

    // Credentials held for a retry

    @Test
    void held_credentials_are_listed_as_pending_next_to_the_stored_connections_and_only_for_their_project() {
        ConnectionKey polar = key("acme", "123", "polar");
        gateway.inbox.hold(gateway.sealedNow(polar, "held-access"), Gateway.INBOX_TTL);
        gateway.inbox.hold(gateway.sealedNow(key("globex", "123", "polar"), "other-access"), Gateway.INBOX_TTL);

        ConnectionListing listing = listing(ACME_KEY, Optional.of("123"));

        assertThat(listing.complete()).isTrue();
        assertThat(listing.connections())
                .extracting(ListedConnection::key)
                .containsExactlyInAnyOrder(key("acme", "123", "withings"), key("acme", "123", "fitbit"), polar);
        assertThat(listing.connections())
                .filteredOn(line -> line.key().equals(polar))
                .singleElement()
                .satisfies(line -> {
                    assertThat(line.status()).isEqualTo(ConnectionStatus.PENDING);
                    assertThat(line.endpointId()).isEmpty();
                });
    }

    @Test
    void a_stored_connection_hides_held_credentials_that_are_not_newer() {
        gateway.inbox.hold(gateway.sealedNow(key("acme", "123", "withings"), "held-access"), Gateway.INBOX_TTL);

        assertThat(listing(ACME_KEY, Optional.of("123")).connections())
                .extracting(ListedConnection::status)
                .containsOnly(ConnectionStatus.ACTIVE);
    }

    @Test
    void newer_held_credentials_show_the_connection_as_pending() {
        gateway.clock.advance(Duration.ofMinutes(5));
        gateway.inbox.hold(gateway.sealedNow(key("acme", "123", "withings"), "held-access"), Gateway.INBOX_TTL);

        assertThat(listing(ACME_KEY, Optional.of("123")).connections())
                .filteredOn(line -> line.key().equals(key("acme", "123", "withings")))
                .extracting(ListedConnection::status)
                .containsExactly(ConnectionStatus.PENDING);
    }

    @Test
    void with_the_connection_store_down_the_held_credentials_are_listed_and_the_listing_says_it_is_incomplete() {
        SealedCredentials held = gateway.sealedNow(key("acme", "123", "polar"), "held-access");
        gateway.inbox.hold(held, Gateway.INBOX_TTL);
        gateway.connections.setAvailable(false);

        ConnectionListing listing = listing(ACME_KEY, Optional.of("123"));

        assertThat(listing.complete()).isFalse();
        assertThat(listing.connections()).containsExactly(ListedConnection.held(held));
    }

    @Test
    void with_the_inbox_down_the_stored_connections_are_listed_and_the_listing_says_it_is_incomplete() {
        gateway.inbox.setAvailable(false);

        ConnectionListing listing = listing(ACME_KEY, Optional.of("123"));

        assertThat(listing.complete()).isFalse();
        assertThat(listing.connections()).hasSize(2);
    }

    @Test
    void with_both_stores_down_the_connection_stores_failure_propagates() {
        gateway.inbox.setAvailable(false);
        gateway.connections.setAvailable(false);

        assertThatThrownBy(() -> listing(ACME_KEY, Optional.of("123")))
                .isInstanceOf(Unavailable.ConnectionStore.class)
                .hasCauseInstanceOf(ConnectionStoreUnavailable.class);
    }

    @Test
    void each_stored_connection_says_how_its_last_sync_ended_or_that_a_worker_syncs_it_now() {
        Instant ended = Gateway.NOW.plusSeconds(90);
        gateway.syncPoints.record(
                key("acme", "123", "withings"), new SyncPoint(Optional.of(Gateway.NOW), ended, Outcome.OK));
        gateway.syncPoints.record(key("acme", "123", "fitbit"), new SyncPoint(Optional.empty(), ended, Outcome.OK));
        gateway.syncPoints.record(
                key("acme", "456", "withings"), new SyncPoint(Optional.empty(), ended, Outcome.FAILED));
        assertThat(gateway.leases.take(
                        WorkSyncQueueService.leaseOf(key("acme", "123", "fitbit")), Duration.ofMinutes(5)))
                .as("a worker syncs Fitbit now")
                .isPresent();

        assertThat(listing(ACME_KEY, Optional.empty()).connections())
                .extracting(
                        connection -> connection.key().canonical(),
                        ListedConnection::syncStatus,
                        ListedConnection::lastSyncedAt)
                .containsExactlyInAnyOrder(
                        tuple("acme/123/withings", SyncStatus.OK, Optional.of(ended)),
                        tuple("acme/123/fitbit", SyncStatus.RUNNING, Optional.of(ended)),
                        tuple("acme/456/withings", SyncStatus.FAILED, Optional.of(ended)));
    }

    @Test
    void leases_that_cannot_be_read_leave_the_last_outcome() {
        gateway.syncPoints.record(
                key("acme", "123", "withings"), new SyncPoint(Optional.empty(), Gateway.NOW, Outcome.OK));
        gateway.leases.setAvailable(false);

        assertThat(listing(ACME_KEY, Optional.of("123")).connections())
                .extracting(ListedConnection::syncStatus)
                .containsExactlyInAnyOrder(SyncStatus.OK, SyncStatus.NEVER);
    }

    @Test
    void a_connection_never_synced_and_held_credentials_say_never() {
        SealedCredentials held = gateway.sealedNow(key("acme", "123", "polar"), "held-access");
        gateway.inbox.hold(held, Gateway.INBOX_TTL);

        assertThat(listing(ACME_KEY, Optional.of("123")).connections())
                .extracting(ListedConnection::syncStatus, ListedConnection::lastSyncedAt)
                .containsOnly(tuple(SyncStatus.NEVER, Optional.empty()));
    }

    @Test
    void sync_points_that_cannot_be_read_leave_the_connections_listed_as_never_synced_and_the_listing_incomplete() {
        gateway.syncPoints.record(
                key("acme", "123", "withings"), new SyncPoint(Optional.empty(), Gateway.NOW, Outcome.OK));
        gateway.syncPoints.setAvailable(false);

        ConnectionListing listing = listing(ACME_KEY, Optional.of("123"));

        assertThat(listing.complete()).isFalse();
        assertThat(listing.connections()).hasSize(2).allMatch(c -> c.syncStatus() == SyncStatus.NEVER);
    }
}
