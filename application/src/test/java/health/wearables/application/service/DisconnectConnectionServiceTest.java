package health.wearables.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.wearables.application.port.in.DisconnectConnection.Disconnected;
import health.wearables.application.port.in.Unavailable;
import health.wearables.application.port.out.InMemoryPendingRevocations;
import health.wearables.application.port.out.PendingRevocations.Parked;
import health.wearables.domain.ApiKey;
import health.wearables.domain.ConnectionStatus;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.Step;
import health.wearables.domain.StoredConnection;
import health.wearables.domain.SyncJob;
import health.wearables.domain.lifecycle.RevocationOutcome;
import health.wearables.domain.sync.SyncResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DisconnectConnectionServiceTest {
    private final Syncing gateway = new Syncing();
    private final InMemoryPendingRevocations pending = new InMemoryPendingRevocations();
    private final ScriptedRevocations provider = new ScriptedRevocations();
    private final RevocationSettings settings = new RevocationSettings(
            provider, gateway.providers, gateway.cipher, RevocationSettings.DEFAULT_RETRY_FOR, gateway.tokenEndpoint);
    private final DisconnectConnectionService disconnect = new DisconnectConnectionService(
            gateway.projects,
            gateway.connections,
            gateway.connections,
            pending,
            settings,
            gateway.clock,
            Events.discarded(),
            gateway.audits);
    private final RetryRevocationsService retry = new RetryRevocationsService(pending, settings, gateway.clock);

    private Step<Disconnected> disconnect(String apiKey, String provider, String patient, boolean purge) {
        return disconnect.disconnect(Optional.ofNullable(apiKey).map(ApiKey::new), provider, patient, purge);
    }

    private ConnectionStatus status() {
        return gateway.connections.list(Syncing.AMARA_OURA.project(), Optional.empty()).stream()
                .filter(connection -> connection.key().equals(Syncing.AMARA_OURA))
                .map(StoredConnection::status)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void a_disconnect_ends_the_connection_and_revokes_its_grant_at_the_provider_with_its_own_tokens() {
        gateway.amaraConnected();

        assertThat(Gateway.ok(disconnect(Gateway.ACME_KEY, "oura", "amara", false)))
                .isEqualTo(Disconnected.ENDED);

        assertThat(status()).isEqualTo(ConnectionStatus.REVOKED);
        assertThat(gateway.connections.find(Syncing.AMARA_OURA)).isEmpty();
        assertThat(provider.asked).containsExactly(new ScriptedRevocations.Ask("oura", "access-0", "refresh-0"));
        assertThat(pending.all()).as("nothing owed any more").isEmpty();
        assertThat(gateway.connections.purged(Syncing.AMARA_OURA)).isFalse();
    }

    // An access token that expired before the end

    private static final RevocationOutcome UNAUTHORIZED =
            new RevocationOutcome.Failed("revocation endpoint answered 401", true);

    @Test
    void with_an_expired_access_token_a_refused_ask_refreshes_once_and_asks_again_with_the_new_token() {
        gateway.amaraConnected();
        gateway.clock.advance(Duration.ofMinutes(11)); // access-0 expired a minute ago
        provider.answering(UNAUTHORIZED);

        disconnect(Gateway.ACME_KEY, "oura", "amara", false);

        assertThat(gateway.tokenEndpoint.sent()).containsExactly("refresh-0");
        assertThat(provider.asked)
                .containsExactly(
                        new ScriptedRevocations.Ask("oura", "access-0", "refresh-0"),
                        new ScriptedRevocations.Ask("oura", "access-1", "refresh-1"));
        assertThat(pending.all()).isEmpty();
    }

    @Test
    void renewed_credentials_replace_the_parked_ones_so_that_a_later_retry_uses_the_rotated_refresh_token() {
        gateway.amaraConnected();
        gateway.clock.advance(Duration.ofMinutes(11));
        provider.answering(UNAUTHORIZED, new RevocationOutcome.Failed("revocation endpoint answered 503", true));

        disconnect(Gateway.ACME_KEY, "oura", "amara", false);

        assertThat(pending.all()).singleElement().satisfies(parked -> {
            assertThat(parked.attempts()).isEqualTo(1);
            assertThat(gateway.cipher.open(
                            Syncing.AMARA_OURA,
                            health.wearables.application.port.out.TokenCipher.TokenKind.REFRESH,
                            parked.credentials().refreshToken().orElseThrow()))
                    .isEqualTo("refresh-1");
        });
        gateway.clock.advance(Duration.ofMinutes(1));
        retry.retryDue();
        assertThat(provider.asked).last().isEqualTo(new ScriptedRevocations.Ask("oura", "access-1", "refresh-1"));
        assertThat(gateway.tokenEndpoint.sent())
                .as("access-1 is still valid: no second refresh")
                .hasSize(1);
        assertThat(pending.all()).isEmpty();
    }

    @Test
    void with_an_expired_access_token_and_a_refused_refresh_the_grant_is_gone_already_and_nothing_is_owed() {
        gateway.amaraConnected();
        gateway.clock.advance(Duration.ofMinutes(11));
        gateway.tokenEndpoint.answerWith(new health.wearables.domain.callback.ExchangeResult.Refused("invalid_grant"));
        provider.answering(UNAUTHORIZED);

        disconnect(Gateway.ACME_KEY, "oura", "amara", false);

        assertThat(provider.asked).hasSize(1);
        assertThat(pending.all()).isEmpty();
    }

    @Test
    void with_a_valid_access_token_a_failed_ask_refreshes_nothing_and_is_asked_again_later() {
        gateway.amaraConnected();
        provider.answering(UNAUTHORIZED);

        disconnect(Gateway.ACME_KEY, "oura", "amara", false);

        assertThat(gateway.tokenEndpoint.calls()).isZero();
        assertThat(pending.all())
                .singleElement()
                .satisfies(parked -> assertThat(parked.attempts()).isEqualTo(1));
    }

    @Test
    void a_second_disconnect_answers_already_ended_and_asks_nothing_of_the_provider() {
        gateway.amaraConnected();
        disconnect(Gateway.ACME_KEY, "oura", "amara", false);

        assertThat(Gateway.ok(disconnect(Gateway.ACME_KEY, "oura", "amara", false)))
                .isEqualTo(Disconnected.ALREADY_ENDED);

        assertThat(provider.asked).hasSize(1);
        assertThat(pending.all()).isEmpty();
    }

    @Test
    void a_failing_revocation_never_holds_up_the_end_and_is_asked_again_after_its_backoff_until_it_succeeds() {
        gateway.amaraConnected();
        provider.answering(
                new RevocationOutcome.Failed("revocation endpoint answered 503", true),
                new RevocationOutcome.Failed("revocation timed out", true));

        assertThat(Gateway.ok(disconnect(Gateway.ACME_KEY, "oura", "amara", false)))
                .isEqualTo(Disconnected.ENDED);
        assertThat(status()).isEqualTo(ConnectionStatus.REVOKED);
        assertThat(pending.all()).singleElement().extracting(Parked::attempts).isEqualTo(1);

        assertThat(retry.retryDue()).as("not due before 30 s").isZero();
        gateway.clock.advance(Duration.ofSeconds(30));
        assertThat(retry.retryDue()).isEqualTo(1);
        assertThat(pending.all()).singleElement().extracting(Parked::attempts).isEqualTo(2);
        gateway.clock.advance(Duration.ofSeconds(59));
        assertThat(retry.retryDue()).as("the second wait is 60 s").isZero();
        gateway.clock.advance(Duration.ofSeconds(1));
        assertThat(retry.retryDue()).isEqualTo(1);

        assertThat(provider.asked)
                .hasSize(3)
                .allSatisfy(ask -> assertThat(ask.refreshToken()).isEqualTo("refresh-0"));
        assertThat(pending.all()).isEmpty();
    }

    @Test
    void a_revocation_failing_for_longer_than_its_retry_time_is_given_up() {
        gateway.amaraConnected();
        RetryRevocationsService shortRetry = new RetryRevocationsService(
                pending,
                new RevocationSettings(
                        provider, gateway.providers, gateway.cipher, Duration.ofMinutes(2), gateway.tokenEndpoint),
                gateway.clock);
        for (int each = 0; each < 10; each++) {
            provider.answering(new RevocationOutcome.Failed("revocation endpoint answered 503", true));
        }
        disconnect(Gateway.ACME_KEY, "oura", "amara", false);

        for (int minute = 0; minute < 5; minute++) {
            gateway.clock.advance(Duration.ofMinutes(1));
            shortRetry.retryDue();
        }

        assertThat(pending.all()).isEmpty();
        assertThat(provider.asked.size()).isBetween(2, 4);
    }

    @Test
    void a_provider_without_revocation_or_refusing_it_for_good_is_asked_once() {
        gateway.amaraConnected();
        provider.answering(new RevocationOutcome.NotOffered());

        disconnect(Gateway.ACME_KEY, "oura", "amara", false);
        gateway.clock.advance(Duration.ofHours(2));
        retry.retryDue();

        assertThat(provider.asked).hasSize(1);
        assertThat(pending.all()).isEmpty();
    }

    @Test
    void an_instance_that_dies_between_the_end_and_the_ask_leaves_the_revocation_owed_and_the_pass_asks_it() {
        gateway.amaraConnected();
        DisconnectConnectionService dying = new DisconnectConnectionService(
                gateway.projects,
                gateway.connections,
                gateway.connections,
                pending,
                new RevocationSettings(
                        (configured, tokens) -> {
                            throw new IllegalStateException("killed");
                        },
                        gateway.providers,
                        gateway.cipher,
                        RevocationSettings.DEFAULT_RETRY_FOR,
                        gateway.tokenEndpoint),
                gateway.clock,
                Events.discarded(),
                gateway.audits);

        assertThatThrownBy(() -> dying.disconnect(Optional.of(new ApiKey(Gateway.ACME_KEY)), "oura", "amara", false))
                .hasMessage("killed");
        assertThat(status()).isEqualTo(ConnectionStatus.REVOKED);

        assertThat(retry.retryDue()).as("not due before the first retry wait").isZero();
        gateway.clock.advance(Duration.ofSeconds(30));
        assertThat(retry.retryDue()).isEqualTo(1);
        assertThat(provider.asked)
                .singleElement()
                .extracting(ScriptedRevocations.Ask::accessToken)
                .isEqualTo("access-0");
    }

    @Test
    void a_pass_running_while_the_disconnect_asks_does_not_ask_the_provider_a_second_time() {
        gateway.amaraConnected();
        List<Integer> duringTheAsk = new java.util.ArrayList<>();
        DisconnectConnectionService racing = new DisconnectConnectionService(
                gateway.projects,
                gateway.connections,
                gateway.connections,
                pending,
                new RevocationSettings(
                        (configured, tokens) -> {
                            // another instance's pass, at the same moment as this disconnect's own ask
                            duringTheAsk.add(retry.retryDue());
                            return provider.revoke(configured, tokens);
                        },
                        gateway.providers,
                        gateway.cipher,
                        RevocationSettings.DEFAULT_RETRY_FOR,
                        gateway.tokenEndpoint),
                gateway.clock,
                Events.discarded(),
                gateway.audits);

        racing.disconnect(Optional.of(new ApiKey(Gateway.ACME_KEY)), "oura", "amara", false);

        assertThat(duringTheAsk)
                .as("revocations a pass asked during the disconnect's own ask")
                .containsExactly(0);
        assertThat(provider.asked).hasSize(1);
        assertThat(pending.all()).isEmpty();
        gateway.clock.advance(Duration.ofMinutes(1));
        assertThat(retry.retryDue()).isZero();
        assertThat(provider.asked).hasSize(1);
    }

    @Test
    void two_instances_passing_at_once_ask_the_provider_once_for_a_revocation_owed() {
        gateway.amaraConnected();
        provider.answering(new RevocationOutcome.Failed("revocation endpoint answered 503", true));
        disconnect(Gateway.ACME_KEY, "oura", "amara", false);
        List<Integer> duringTheAsk = new java.util.ArrayList<>();
        RetryRevocationsService otherInstance = new RetryRevocationsService(pending, settings, gateway.clock);
        RetryRevocationsService racing = new RetryRevocationsService(
                pending,
                new RevocationSettings(
                        (configured, tokens) -> {
                            // the other instance's pass, at the same moment as this pass's ask
                            duringTheAsk.add(otherInstance.retryDue());
                            return provider.revoke(configured, tokens);
                        },
                        gateway.providers,
                        gateway.cipher,
                        RevocationSettings.DEFAULT_RETRY_FOR,
                        gateway.tokenEndpoint),
                gateway.clock);
        gateway.clock.advance(Duration.ofSeconds(30));

        assertThat(racing.retryDue()).isEqualTo(1);

        assertThat(duringTheAsk)
                .as("revocations the other pass asked meanwhile")
                .containsExactly(0);
        assertThat(provider.asked).as("the disconnect's ask and one retry").hasSize(2);
        assertThat(pending.all()).isEmpty();
    }

    @Test
    void an_instance_that_dies_during_its_pass_leaves_the_revocation_to_a_pass_after_its_claim_ends() {
        gateway.amaraConnected();
        provider.answering(new RevocationOutcome.Failed("revocation endpoint answered 503", true));
        disconnect(Gateway.ACME_KEY, "oura", "amara", false);
        RetryRevocationsService dying = new RetryRevocationsService(
                pending,
                new RevocationSettings(
                        (configured, tokens) -> {
                            throw new IllegalStateException("killed");
                        },
                        gateway.providers,
                        gateway.cipher,
                        RevocationSettings.DEFAULT_RETRY_FOR,
                        gateway.tokenEndpoint),
                gateway.clock);
        gateway.clock.advance(Duration.ofSeconds(30));
        assertThatThrownBy(dying::retryDue).hasMessage("killed");

        gateway.clock.advance(RetryRevocationsService.CLAIM.minusSeconds(1));
        assertThat(retry.retryDue())
                .as("still claimed by the instance that died")
                .isZero();
        gateway.clock.advance(Duration.ofSeconds(1));
        assertThat(retry.retryDue()).isEqualTo(1);

        assertThat(provider.asked).hasSize(2);
        assertThat(pending.all()).isEmpty();
    }

    @Test
    void purge_deletes_the_connections_data_too() {
        gateway.amaraConnected();

        disconnect(Gateway.ACME_KEY, "oura", "amara", true);

        assertThat(gateway.connections.purged(Syncing.AMARA_OURA)).isTrue();
    }

    @Test
    void a_connection_never_made_or_of_another_project_or_with_a_malformed_path_is_not_found_and_changes_nothing() {
        gateway.amaraConnected();

        assertThat(Gateway.ok(disconnect(Gateway.ACME_KEY, "oura", "someone-else", false)))
                .isEqualTo(Disconnected.NOT_FOUND);
        assertThat(Gateway.ok(disconnect(Gateway.GLOBEX_KEY, "oura", "amara", false)))
                .isEqualTo(Disconnected.NOT_FOUND);
        assertThat(Gateway.ok(disconnect(Gateway.ACME_KEY, "Oura!", "amara", false)))
                .isEqualTo(Disconnected.NOT_FOUND);
        assertThat(Gateway.ok(disconnect(Gateway.ACME_KEY, "oura", "../amara", false)))
                .isEqualTo(Disconnected.NOT_FOUND);

        assertThat(status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(provider.asked).isEmpty();
        assertThat(pending.all()).isEmpty();
    }

    @Test
    void without_a_valid_api_key_nothing_happens() {
        gateway.amaraConnected();

        assertThat(Gateway.rejection(disconnect(null, "oura", "amara", false)).code())
                .isEqualTo(RejectionCode.UNAUTHORIZED);
        assertThat(Gateway.rejection(disconnect("wrong", "oura", "amara", false))
                        .code())
                .isEqualTo(RejectionCode.UNAUTHORIZED);
        assertThat(status()).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void when_the_revocation_record_cannot_be_written_nothing_ends_and_the_answer_is_unavailable() {
        gateway.amaraConnected();
        pending.setAvailable(false);

        assertThatThrownBy(() -> disconnect(Gateway.ACME_KEY, "oura", "amara", false))
                .isInstanceOf(Unavailable.RevocationStore.class);

        assertThat(status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(provider.asked).isEmpty();
    }

    @Test
    void when_the_connection_store_is_down_the_answer_is_unavailable() {
        gateway.amaraConnected();
        gateway.connections.setAvailable(false);

        assertThatThrownBy(() -> disconnect(Gateway.ACME_KEY, "oura", "amara", false))
                .isInstanceOf(Unavailable.ConnectionStore.class);
        assertThat(provider.asked).isEmpty();
    }

    @Test
    void the_backoff_doubles_from_thirty_seconds_to_at_most_an_hour() {
        assertThat(Revoking.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Revoking.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(Revoking.backoff(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(Revoking.backoff(20)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void a_sync_running_when_the_connection_ends_writes_nothing_more_and_is_skipped() {
        gateway.amaraConnected();
        gateway.observations.liveWhile(key -> gateway.connections.find(key).isPresent());
        gateway.data
                .first(ScriptedProviderData.page("p2", Syncing.steps(3, 8_000)))
                .at("p2", ScriptedProviderData.last(Syncing.steps(2, 7_000)));
        gateway.data.onRead(read -> {
            if (read.cursor().isPresent()) {
                disconnect(Gateway.ACME_KEY, "oura", "amara", false);
            }
        });

        SyncResult result = gateway.sync.sync(new SyncJob(Syncing.AMARA_OURA, "1", Syncing.NOW), () -> {});

        assertThat(result).isEqualTo(new SyncResult.Skipped(SyncResult.Skipped.Why.NOT_ACTIVE));
        assertThat(gateway.observations.transactions())
                .as("the first page, written before the end; nothing of the second")
                .isEqualTo(1);
        assertThat(gateway.syncPoints.recorded()).as("no sync point recorded").isEmpty();
    }
}
