package health.wearables.application.service;

import static health.wearables.application.service.Syncing.AMARA_OURA;
import static health.wearables.application.service.Syncing.NOW;
import static health.wearables.application.service.Syncing.PAUSES;
import static health.wearables.application.service.Syncing.RETRY;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.Leases;
import health.wearables.domain.ConnectionStatus;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.callback.ExchangeResult;
import health.wearables.domain.refresh.Renewal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Refreshing a connection's credentials: one at a time, read again under the lease, stored before use (G 48–50). */
class RefreshCredentialsServiceTest {
    private final Syncing gateway = new Syncing();

    private static String kind(Renewal renewal) {
        return renewal.fold(
                refreshed -> "refreshed",
                renewed -> "renewed-elsewhere",
                reauth -> "reauth-required",
                later -> "retry-later",
                disconnected -> "disconnected");
    }

    private SealedCredentials usable(Renewal renewal) {
        return renewal.fold(
                refreshed -> refreshed.credentials(),
                renewed -> renewed.credentials(),
                reauth -> {
                    throw new AssertionError("expected usable credentials, got " + reauth);
                },
                later -> {
                    throw new AssertionError("expected usable credentials, got " + later);
                },
                disconnected -> {
                    throw new AssertionError("expected usable credentials, got " + disconnected);
                });
    }

    private Instant notBefore(Renewal renewal) {
        return renewal.fold(r -> null, r -> null, r -> null, Renewal.RetryLater::notBefore, r -> null);
    }

    /** Another instance takes Amara's refresh lease, if it is free. */
    private Optional<Leases.Lease> otherInstanceTakesTheLease() {
        return gateway.leases.take(RefreshCredentialsService.leaseOf(AMARA_OURA), Duration.ofSeconds(60));
    }

    /** Whether the connection's lease is free again (then taken, and ended, by the test). */
    private boolean leaseIsFree() {
        return otherInstanceTakesTheLease()
                .map(lease -> {
                    lease.close();
                    return true;
                })
                .orElse(false);
    }

    @Test
    void the_provider_is_asked_once_with_the_stored_refresh_token_and_the_new_credentials_are_stored_first() {
        SealedCredentials wanting = gateway.amaraExpiring();

        Renewal renewal = gateway.refresh.refresh(wanting);

        assertThat(kind(renewal)).isEqualTo("refreshed");
        assertThat(gateway.tokenEndpoint.sent()).containsExactly("refresh-0");
        assertThat(usable(renewal)).as("what is answered is what is stored").isEqualTo(gateway.stored(AMARA_OURA));
        assertThat(gateway.storedAccess(AMARA_OURA)).isEqualTo("access-1");
        assertThat(gateway.stored(AMARA_OURA).accessTokenExpiresAt()).contains(NOW.plus(Duration.ofHours(1)));
        assertThat(gateway.stored(AMARA_OURA).connectedAt()).as("issued now").isEqualTo(NOW);
        assertThat(gateway.stored(AMARA_OURA).scopes())
                .as("kept: the answer named none")
                .containsExactly("daily", "heartrate");
        assertThat(gateway.stored(AMARA_OURA).providerUserId()).contains("oura-user-1");
        assertThat(leaseIsFree()).isTrue();
    }

    @Test
    void a_rotated_refresh_token_is_stored_so_the_next_refresh_sends_it() {
        gateway.refresh.refresh(gateway.amaraExpiring());
        assertThat(gateway.storedRefresh(AMARA_OURA)).isEqualTo("refresh-1");
        gateway.clock.advance(Duration.ofMinutes(58));

        Renewal second = gateway.refresh.refresh(gateway.stored(AMARA_OURA));

        assertThat(kind(second)).isEqualTo("refreshed");
        assertThat(gateway.tokenEndpoint.sent()).containsExactly("refresh-0", "refresh-1");
        assertThat(gateway.storedRefresh(AMARA_OURA)).isEqualTo("refresh-2");
    }

    @Test
    void an_answer_without_a_refresh_token_keeps_the_stored_one() {
        gateway.tokenEndpoint.answerWithoutRefreshToken();

        Renewal renewal = gateway.refresh.refresh(gateway.amaraExpiring());

        assertThat(kind(renewal)).isEqualTo("refreshed");
        assertThat(gateway.storedAccess(AMARA_OURA)).isEqualTo("access-without-rotation");
        assertThat(gateway.storedRefresh(AMARA_OURA)).isEqualTo("refresh-0");
    }

    @Test
    void invalid_grant_makes_the_connection_reauth_required_after_one_request() {
        SealedCredentials wanting = gateway.amaraExpiring();
        gateway.tokenEndpoint.answerWith(new ExchangeResult.Refused("invalid_grant"));

        Renewal renewal = gateway.refresh.refresh(wanting);

        assertThat(kind(renewal)).isEqualTo("reauth-required");
        assertThat(gateway.tokenEndpoint.calls()).isEqualTo(1);
        assertThat(gateway.status(AMARA_OURA)).isEqualTo(ConnectionStatus.REAUTH_REQUIRED);
        assertThat(gateway.stored(AMARA_OURA)).as("nothing else changed").isEqualTo(wanting);
        assertThat(leaseIsFree()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP 503", "HTTP 429", "timed out after 10000 ms", "not a bearer token response"})
    void a_transient_fault_at_the_token_endpoint_leaves_the_connection_active_to_be_tried_later(String fault) {
        SealedCredentials wanting = gateway.amaraExpiring();
        gateway.tokenEndpoint.answerWith(new ExchangeResult.Failed(fault));

        Renewal renewal = gateway.refresh.refresh(wanting);

        assertThat(kind(renewal)).isEqualTo("retry-later");
        assertThat(notBefore(renewal)).isEqualTo(NOW.plus(RETRY));
        assertThat(gateway.tokenEndpoint.calls()).isEqualTo(1);
        assertThat(gateway.status(AMARA_OURA)).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(gateway.stored(AMARA_OURA)).isEqualTo(wanting);
        assertThat(leaseIsFree()).isTrue();
    }

    @Test
    void another_oauth_error_than_invalid_grant_is_not_the_patient_s_to_fix() {
        gateway.tokenEndpoint.answerWith(new ExchangeResult.Refused("invalid_client"));

        Renewal renewal = gateway.refresh.refresh(gateway.amaraExpiring());

        assertThat(kind(renewal)).isEqualTo("retry-later");
        assertThat(gateway.status(AMARA_OURA)).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void credentials_refreshed_by_another_instance_before_the_lease_was_ours_are_used_without_asking_the_provider() {
        SealedCredentials wanting = gateway.amaraExpiring();
        SealedCredentials refreshedElsewhere =
                gateway.connected(AMARA_OURA, "access-elsewhere", "refresh-elsewhere", NOW.plusSeconds(3600), NOW);

        Renewal renewal = gateway.refresh.refresh(wanting);

        assertThat(kind(renewal)).isEqualTo("renewed-elsewhere");
        assertThat(usable(renewal)).isEqualTo(refreshedElsewhere);
        assertThat(gateway.tokenEndpoint.calls()).isZero();
    }

    @Test
    void while_another_instance_holds_the_lease_its_refresh_is_waited_for_and_used() {
        SealedCredentials wanting = gateway.amaraExpiring();
        Leases.Lease otherInstance = otherInstanceTakesTheLease().orElseThrow();
        gateway.pauseAs(duration -> {
            if (gateway.paused.size() == 2) { // the other instance stores its refresh and ends its lease
                gateway.connected(AMARA_OURA, "access-elsewhere", "refresh-elsewhere", NOW.plusSeconds(3600), NOW);
                otherInstance.close();
            }
        });

        Renewal renewal = gateway.refresh.refresh(wanting);

        assertThat(kind(renewal)).isEqualTo("renewed-elsewhere");
        assertThat(gateway.accessOf(usable(renewal))).isEqualTo("access-elsewhere");
        assertThat(gateway.paused).hasSize(2).allMatch(Duration.ofMillis(100)::equals);
        assertThat(gateway.tokenEndpoint.calls()).isZero();
    }

    @Test
    void a_lease_kept_by_another_instance_is_waited_for_a_bounded_number_of_times_then_given_back() {
        SealedCredentials wanting = gateway.amaraExpiring();
        assertThat(otherInstanceTakesTheLease()).as("kept, never ended").isPresent();

        Renewal renewal = gateway.refresh.refresh(wanting);

        assertThat(kind(renewal)).isEqualTo("retry-later");
        assertThat(gateway.paused).hasSize(PAUSES);
        assertThat(gateway.tokenEndpoint.calls()).isZero();
        assertThat(gateway.status(AMARA_OURA)).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void a_lease_that_cannot_be_known_is_not_refreshed_around() {
        SealedCredentials wanting = gateway.amaraExpiring();
        gateway.leases.setAvailable(false);

        Renewal renewal = gateway.refresh.refresh(wanting);

        assertThat(kind(renewal)).isEqualTo("retry-later");
        assertThat(gateway.tokenEndpoint.calls()).isZero();
    }

    @Test
    void when_the_store_cannot_take_the_new_credentials_they_wait_in_the_inbox_and_the_recovery_pass_writes_them() {
        SealedCredentials wanting = gateway.amaraExpiring();
        gateway.tokenEndpoint.meanwhile(() -> gateway.connections.setAvailable(false));

        Renewal renewal = gateway.refresh.refresh(wanting);

        assertThat(kind(renewal)).as("usable: kept in the inbox").isEqualTo("refreshed");
        assertThat(gateway.inbox.contents()).containsExactly(usable(renewal));
        gateway.connections.setAvailable(true);
        assertThat(gateway.recovery.runOnce().credentialsWritten()).isEqualTo(1);
        assertThat(gateway.storedAccess(AMARA_OURA)).isEqualTo("access-1");
        assertThat(gateway.storedRefresh(AMARA_OURA)).isEqualTo("refresh-1");
        assertThat(gateway.inbox.contents()).isEmpty();
    }

    @Test
    void a_refresh_held_in_the_inbox_is_refreshed_from_not_the_stale_stored_one() {
        gateway.amaraExpiring();
        gateway.tokenEndpoint.meanwhile(() -> gateway.connections.setAvailable(false));
        gateway.refresh.refresh(gateway.stored(AMARA_OURA)); // refresh-1 waits in the inbox; the store holds refresh-0
        gateway.connections.setAvailable(true);
        gateway.tokenEndpoint.meanwhile(() -> {});
        gateway.clock.advance(Duration.ofMinutes(58));
        SealedCredentials held = gateway.inbox.contents().get(0);

        Renewal renewal = gateway.refresh.refresh(held);

        assertThat(kind(renewal)).isEqualTo("refreshed");
        assertThat(gateway.tokenEndpoint.sent())
                .as("refresh-0 was used up: sending it again would be refused")
                .containsExactly("refresh-0", "refresh-1");
        assertThat(gateway.storedRefresh(AMARA_OURA)).isEqualTo("refresh-2");
        assertThat(gateway.inbox.contents()).as("written, so the entry goes").isEmpty();
    }

    @Test
    void a_reconnect_that_lands_while_the_provider_answers_wins_and_the_new_tokens_are_dropped() {
        SealedCredentials wanting = gateway.amaraExpiring();
        gateway.tokenEndpoint.meanwhile(() -> gateway.connected(
                AMARA_OURA, "access-reconnect", "refresh-reconnect", NOW.plusSeconds(3600), NOW.plusMillis(1)));

        Renewal renewal = gateway.refresh.refresh(wanting);

        assertThat(kind(renewal)).isEqualTo("renewed-elsewhere");
        assertThat(gateway.accessOf(usable(renewal))).isEqualTo("access-reconnect");
        assertThat(gateway.storedAccess(AMARA_OURA)).isEqualTo("access-reconnect");
    }

    @Test
    void a_refused_token_without_a_refresh_token_needs_the_patient() {
        SealedCredentials noRefresh = gateway.connected(
                AMARA_OURA, "access-0", null, NOW.plusSeconds(3600), NOW.minus(Duration.ofMinutes(5)));

        Renewal renewal = gateway.refresh.refresh(noRefresh);

        assertThat(kind(renewal)).isEqualTo("reauth-required");
        assertThat(gateway.tokenEndpoint.calls()).isZero();
        assertThat(gateway.status(AMARA_OURA)).isEqualTo(ConnectionStatus.REAUTH_REQUIRED);
    }

    @Test
    void invalid_grant_after_another_holder_stored_new_credentials_does_not_end_the_connection() {
        SealedCredentials wanting = gateway.amaraExpiring();
        gateway.tokenEndpoint.answerWith(new ExchangeResult.Refused("invalid_grant"));
        gateway.tokenEndpoint.meanwhile(() -> gateway.connected( // a holder whose lease outlived ours
                AMARA_OURA, "access-other", "refresh-other", NOW.plusSeconds(3600), NOW));

        Renewal renewal = gateway.refresh.refresh(wanting);

        assertThat(kind(renewal)).isEqualTo("renewed-elsewhere");
        assertThat(gateway.status(AMARA_OURA)).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void a_connection_gone_meanwhile_is_not_refreshed() {
        SealedCredentials wanting = gateway.sealed(
                AMARA_OURA, "access-0", "refresh-0", NOW.plusSeconds(60), NOW.minus(Duration.ofMinutes(59)));

        Renewal renewal = gateway.refresh.refresh(wanting);

        assertThat(kind(renewal)).isEqualTo("disconnected");
        assertThat(gateway.tokenEndpoint.calls()).isZero();
    }

    @Test
    void the_store_down_and_the_inbox_down_too_loses_the_tokens_but_never_the_connection() {
        SealedCredentials wanting = gateway.amaraExpiring();
        gateway.tokenEndpoint.meanwhile(() -> {
            gateway.connections.setAvailable(false);
            gateway.inbox.setAvailable(false);
        });

        Renewal renewal = gateway.refresh.refresh(wanting);

        assertThat(kind(renewal)).isEqualTo("retry-later");
        gateway.connections.setAvailable(true);
        assertThat(gateway.status(AMARA_OURA)).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(leaseIsFree()).isTrue();
    }
}
