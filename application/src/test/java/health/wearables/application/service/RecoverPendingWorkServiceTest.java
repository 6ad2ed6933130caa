package health.wearables.application.service;

import static health.wearables.application.service.Gateway.ACCESS;
import static health.wearables.application.service.Gateway.ACME_KEY;
import static health.wearables.application.service.Gateway.DONE;
import static health.wearables.application.service.Gateway.REFRESH;
import static health.wearables.application.service.Gateway.key;
import static health.wearables.application.service.Gateway.location;
import static health.wearables.application.service.Gateway.ok;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.in.RecoverPendingWork.Recovery;
import health.wearables.application.port.out.Leases;
import health.wearables.application.port.out.StoredCredentials;
import health.wearables.application.port.out.TokenCipher.TokenKind;
import health.wearables.domain.AccessToken;
import health.wearables.domain.ApiKey;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.ConnectionStatus;
import health.wearables.domain.ListedConnection;
import health.wearables.domain.RefreshToken;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.StoredConnection;
import health.wearables.domain.SyncJob;
import health.wearables.domain.TokenSet;
import health.wearables.domain.callback.ExchangeResult;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The retry pass that finishes what a store outage left undone after successful exchanges (hostile cases 37 and 41).
 */
class RecoverPendingWorkServiceTest {
    private static final ConnectionKey ACME_123_WITHINGS = key("acme", "123", "withings");

    private final Gateway gateway = new Gateway();

    /** Patient 123 approves while the connection store is down: her sealed credentials wait in the inbox. */
    private void approvedWhileTheStoreIsDown() {
        gateway.connections.setAvailable(false);
        assertThat(location(gateway.approves("withings", gateway.startedFor("withings", DONE, false)))
                        .getRawQuery())
                .startsWith("status=pending");
        gateway.connections.setAvailable(true);
    }

    private StoredConnection stored() {
        List<StoredConnection> stored = gateway.connections.list(ACME_123_WITHINGS.project(), Optional.empty());
        assertThat(stored).hasSize(1);
        return stored.get(0);
    }

    @Test
    void held_credentials_are_written_as_the_connection_then_its_sync_is_queued_and_the_entry_goes() {
        approvedWhileTheStoreIsDown();
        gateway.clock.advance(Duration.ofSeconds(30));

        Recovery recovery = gateway.recovery.runOnce();

        assertThat(recovery).isEqualTo(new Recovery(true, 1, 0, 1, List.of()));
        SealedCredentials written = gateway.connections.find(ACME_123_WITHINGS).orElseThrow();
        assertThat(gateway.cipher.open(ACME_123_WITHINGS, TokenKind.ACCESS, written.accessToken()))
                .isEqualTo(ACCESS);
        assertThat(gateway.cipher.open(
                        ACME_123_WITHINGS,
                        TokenKind.REFRESH,
                        written.refreshToken().orElseThrow()))
                .isEqualTo(REFRESH);
        assertThat(written.connectedAt())
                .as("connected when the patient came back")
                .isEqualTo(Gateway.NOW);
        assertThat(gateway.syncQueue.jobs())
                .containsExactly(new SyncJob(ACME_123_WITHINGS, stored().endpointId(), Gateway.NOW.plusSeconds(30)));
        assertThat(gateway.inbox.contents()).isEmpty();
        assertThat(gateway.connections.syncPending(10)).isEmpty();
        assertThat(ok(gateway.list.list(Optional.of(new ApiKey(ACME_KEY)), Optional.of("123")))
                        .connections())
                .extracting(ListedConnection::status)
                .containsExactly(ConnectionStatus.ACTIVE);
    }

    @Test
    void while_the_store_is_still_down_nothing_is_dropped_and_the_pass_names_the_store() {
        approvedWhileTheStoreIsDown();
        gateway.connections.setAvailable(false);

        Recovery recovery = gateway.recovery.runOnce();

        assertThat(recovery.ran()).isTrue();
        assertThat(recovery.credentialsWritten()).isZero();
        assertThat(recovery.problems())
                .isNotEmpty()
                .allSatisfy(problem -> assertThat(problem)
                        .startsWith("connection store: ")
                        .doesNotContain(ACCESS)
                        .doesNotContain(REFRESH));
        assertThat(gateway.inbox.contents()).hasSize(1);
        assertThat(gateway.syncQueue.jobs()).isEmpty();
    }

    @Test
    void a_newer_connection_stored_meanwhile_is_never_overwritten_by_older_held_credentials() {
        approvedWhileTheStoreIsDown();
        gateway.clock.advance(Duration.ofMinutes(2));
        gateway.tokenExchange.answerWith(new ExchangeResult.Exchanged(new TokenSet(
                new AccessToken("newer-access-token"),
                Optional.of(new RefreshToken("newer-refresh-token")),
                Optional.empty(),
                List.of("activity"),
                Optional.empty())));
        gateway.approves("withings", gateway.startedFor("withings", DONE, false)); // she connects again, store up

        Recovery recovery = gateway.recovery.runOnce();

        assertThat(recovery).isEqualTo(new Recovery(true, 0, 1, 0, List.of()));
        SealedCredentials stored = gateway.connections.find(ACME_123_WITHINGS).orElseThrow();
        assertThat(gateway.cipher.open(ACME_123_WITHINGS, TokenKind.ACCESS, stored.accessToken()))
                .isEqualTo("newer-access-token");
        assertThat(gateway.inbox.contents()).isEmpty();
        assertThat(gateway.syncQueue.jobs())
                .as("only the newer connection's own sync")
                .hasSize(1);
    }

    @Test
    void held_credentials_an_earlier_pass_wrote_but_could_not_remove_are_finished_not_lost() {
        approvedWhileTheStoreIsDown();
        SealedCredentials held = gateway.inbox.contents().get(0);
        gateway.connections.save(held); // an earlier pass wrote them, then the inbox failed before the removal

        Recovery recovery = gateway.recovery.runOnce();

        assertThat(recovery).isEqualTo(new Recovery(true, 1, 0, 1, List.of()));
        assertThat(gateway.inbox.contents()).isEmpty();
        assertThat(gateway.syncQueue.jobs()).hasSize(1);
    }

    @Test
    void with_the_queue_down_the_written_connection_keeps_its_sync_record_and_a_later_pass_queues_it() {
        approvedWhileTheStoreIsDown();
        gateway.syncQueue.setAvailable(false);

        Recovery first = gateway.recovery.runOnce();

        assertThat(first.credentialsWritten()).isEqualTo(1);
        assertThat(first.syncsQueued()).isZero();
        assertThat(first.problems()).singleElement().asString().startsWith("sync queue: ");
        assertThat(gateway.inbox.contents()).as("written, so the entry is gone").isEmpty();
        assertThat(gateway.connections.syncPending(10))
                .extracting(StoredConnection::key)
                .containsExactly(ACME_123_WITHINGS);

        gateway.syncQueue.setAvailable(true);
        Recovery second = gateway.recovery.runOnce();

        assertThat(second).isEqualTo(new Recovery(true, 0, 0, 1, List.of()));
        assertThat(gateway.syncQueue.jobs()).extracting(SyncJob::endpointId).containsExactly(stored().endpointId());
        assertThat(gateway.connections.syncPending(10)).isEmpty();
    }

    @Test
    void a_sync_the_callback_recorded_while_the_queue_was_down_is_queued_by_the_next_pass() {
        gateway.syncQueue.setAvailable(false);
        assertThat(location(gateway.approves("withings", gateway.startedFor("withings", DONE, false))))
                .isEqualTo(URI.create(DONE + "?status=connected&provider=withings&patientId=123"));
        gateway.syncQueue.setAvailable(true);

        Recovery recovery = gateway.recovery.runOnce();

        assertThat(recovery).isEqualTo(new Recovery(true, 0, 0, 1, List.of()));
        assertThat(gateway.syncQueue.jobs())
                .containsExactly(new SyncJob(ACME_123_WITHINGS, stored().endpointId(), Gateway.NOW));
        assertThat(gateway.recovery.runOnce().syncsQueued()).as("once only").isZero();
    }

    @Test
    void with_the_inbox_down_the_pass_still_queues_the_recorded_syncs() {
        gateway.connected(ACME_123_WITHINGS);
        gateway.connections.markSyncPending(ACME_123_WITHINGS);
        gateway.inbox.setAvailable(false);

        Recovery recovery = gateway.recovery.runOnce();

        assertThat(recovery.syncsQueued()).isEqualTo(1);
        assertThat(recovery.problems()).singleElement().asString().startsWith("credential inbox: ");
    }

    @Test
    void only_one_gateway_instance_runs_a_pass_at_a_time() {
        approvedWhileTheStoreIsDown();
        Leases.Lease otherInstance = gateway.leases
                .take(RecoverPendingWorkService.LEASE, Duration.ofMinutes(1))
                .orElseThrow();

        assertThat(gateway.recovery.runOnce()).isEqualTo(Recovery.skipped());
        assertThat(gateway.inbox.contents()).hasSize(1);

        otherInstance.close();
        assertThat(gateway.recovery.runOnce().credentialsWritten()).isEqualTo(1);
        assertThat(gateway.recovery.runOnce().ran())
                .as("each pass gives the lease back")
                .isTrue();
    }

    /** The pass's look-up of each held entry's stored connection, taking {@code each} of the clock's time. */
    private RecoverPendingWorkService recoveryTaking(Duration each, List<Boolean> othersGotTheLease) {
        StoredCredentials slow = new StoredCredentials() {
            @Override
            public boolean replace(SealedCredentials expected, SealedCredentials replacement) {
                return gateway.connections.replace(expected, replacement);
            }

            @Override
            public Optional<SealedCredentials> find(ConnectionKey key) {
                gateway.clock.advance(each);
                Optional<Leases.Lease> other = gateway.leases.take(RecoverPendingWorkService.LEASE, Gateway.LEASE);
                othersGotTheLease.add(other.isPresent());
                other.ifPresent(Leases.Lease::close);
                return gateway.connections.find(key);
            }

            @Override
            public List<ConnectionKey> keys() {
                return gateway.connections.keys();
            }
        };
        return recoveryWith(slow);
    }

    /** A recovery like the gateway's, reading and replacing stored connections through {@code stored}. */
    private RecoverPendingWorkService recoveryWith(StoredCredentials stored) {
        return new RecoverPendingWorkService(
                gateway.inbox,
                gateway.connections,
                stored,
                gateway.connections,
                gateway.syncQueue,
                gateway.leases,
                Gateway.LEASE,
                100,
                gateway.clock,
                Events.discarded());
    }

    private void approvedWhileTheStoreIsDown(String... providers) {
        gateway.connections.setAvailable(false);
        for (String provider : providers) {
            gateway.approves(provider, gateway.startedFor(provider, DONE, false));
        }
        gateway.connections.setAvailable(true);
        assertThat(gateway.inbox.contents()).hasSize(providers.length);
    }

    @Test
    void a_pass_longer_than_its_lease_keeps_the_lease_as_long_as_each_entry_takes_less() {
        approvedWhileTheStoreIsDown("withings", "fitbit", "strava");
        Duration each = Gateway.LEASE.multipliedBy(2).dividedBy(3);
        List<Boolean> othersGotTheLease = new ArrayList<>();

        Recovery recovery = recoveryTaking(each, othersGotTheLease).runOnce();

        assertThat(recovery).isEqualTo(new Recovery(true, 3, 0, 3, List.of()));
        assertThat(othersGotTheLease)
                .as("two lease durations in, the pass still holds it")
                .containsExactly(false, false, false);
        assertThat(gateway.leases.isHeld(RecoverPendingWorkService.LEASE))
                .as("given back at the end")
                .isFalse();
    }

    @Test
    void a_pass_that_stalls_past_its_lease_stops_before_its_next_entry_and_leaves_the_rest_for_the_next_pass() {
        approvedWhileTheStoreIsDown("withings", "fitbit");
        List<Boolean> othersGotTheLease = new ArrayList<>();

        Recovery stalled =
                recoveryTaking(Gateway.LEASE.plusSeconds(1), othersGotTheLease).runOnce();

        assertThat(othersGotTheLease).as("lapsed during the stall").containsExactly(true);
        assertThat(stalled.credentialsWritten()).isEqualTo(1);
        assertThat(stalled.syncsQueued()).as("the pass stopped before queueing").isZero();
        assertThat(stalled.problems()).singleElement().asString().startsWith("lease: lapsed during the pass");
        assertThat(gateway.inbox.contents()).hasSize(1);

        Recovery next = gateway.recovery.runOnce();

        assertThat(next).isEqualTo(new Recovery(true, 1, 0, 2, List.of()));
        assertThat(gateway.inbox.contents()).isEmpty();
        assertThat(gateway.syncQueue.jobs()).hasSize(2);
    }

    @Test
    void when_the_leases_cannot_be_reached_no_pass_runs_and_it_says_why() {
        approvedWhileTheStoreIsDown();
        gateway.leases.setAvailable(false);

        Recovery recovery = gateway.recovery.runOnce();

        assertThat(recovery.ran()).isFalse();
        assertThat(recovery.problems()).singleElement().asString().startsWith("lease: ");
        assertThat(gateway.inbox.contents()).hasSize(1);
    }

    @Test
    void a_pass_with_nothing_to_do_does_nothing() {
        assertThat(gateway.recovery.runOnce()).isEqualTo(new Recovery(true, 0, 0, 0, List.of()));
    }

    @Test
    void a_reconnect_between_the_read_and_the_write_is_never_overwritten_and_the_entry_waits_for_the_next_pass() {
        gateway.connected(ACME_123_WITHINGS);
        gateway.clock.advance(Duration.ofSeconds(10));
        approvedWhileTheStoreIsDown();
        gateway.clock.advance(Duration.ofSeconds(10));
        StoredCredentials racing = new StoredCredentials() {
            @Override
            public boolean replace(SealedCredentials expected, SealedCredentials replacement) {
                gateway.connections.save(gateway.sealedNow(ACME_123_WITHINGS, "reconnected")); // lands in between
                return gateway.connections.replace(expected, replacement);
            }

            @Override
            public Optional<SealedCredentials> find(ConnectionKey key) {
                return gateway.connections.find(key);
            }

            @Override
            public List<ConnectionKey> keys() {
                return gateway.connections.keys();
            }
        };

        Recovery first = recoveryWith(racing).runOnce();

        assertThat(first.credentialsWritten()).isZero();
        assertThat(gateway.inbox.contents()).hasSize(1);
        assertThat(gateway.cipher.open(
                        ACME_123_WITHINGS,
                        TokenKind.ACCESS,
                        gateway.connections
                                .find(ACME_123_WITHINGS)
                                .orElseThrow()
                                .accessToken()))
                .isEqualTo("reconnected");

        gateway.clock.advance(Gateway.LEASE);
        Recovery second = gateway.recovery.runOnce();

        assertThat(second.credentialsSuperseded()).isEqualTo(1);
        assertThat(gateway.inbox.contents()).isEmpty();
        assertThat(gateway.cipher.open(
                        ACME_123_WITHINGS,
                        TokenKind.ACCESS,
                        gateway.connections
                                .find(ACME_123_WITHINGS)
                                .orElseThrow()
                                .accessToken()))
                .isEqualTo("reconnected");
    }
}
