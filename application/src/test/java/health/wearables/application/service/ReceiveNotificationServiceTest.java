package health.wearables.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.wearables.application.port.in.Unavailable;
import health.wearables.application.port.out.ProviderNotifications;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.ConnectionStatus;
import health.wearables.domain.StoredConnection;
import health.wearables.domain.notify.InboundNotification;
import health.wearables.domain.notify.Notice;
import health.wearables.domain.notify.NotificationVerdict;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReceiveNotificationServiceTest {
    private static final ConnectionKey BEN_OURA = Gateway.key("globex", "ben", "oura");
    private static final ConnectionKey AMARA_WITHINGS = Gateway.key("acme", "amara", "withings");

    private final Syncing gateway = new Syncing();
    private NotificationVerdict verdict = new NotificationVerdict.Accepted(List.of());
    private final ProviderNotifications provider =
            (slug, notification) -> slug.value().equals("dexcom") ? Optional.empty() : Optional.of(verdict);
    private final health.wearables.application.port.out.InMemorySeenNotifications seen =
            new health.wearables.application.port.out.InMemorySeenNotifications(gateway.clock::instant);
    private final ReceiveNotificationService receive = new ReceiveNotificationService(
            provider, gateway.connections, gateway.queue, gateway.clock, Events.discarded(), gateway.audits, seen);

    private static InboundNotification posted() {
        return new InboundNotification("POST", Map.of(), Map.of(), "{}".getBytes(StandardCharsets.UTF_8), Syncing.NOW);
    }

    private Optional<NotificationVerdict> receive(String provider, NotificationVerdict verdict) {
        this.verdict = verdict;
        return receive.receive(provider, posted());
    }

    private ConnectionStatus status(ConnectionKey key) {
        return gateway.connections.list(key.project(), Optional.of(key.patient())).stream()
                .filter(connection -> connection.key().equals(key))
                .map(StoredConnection::status)
                .findFirst()
                .orElseThrow();
    }

    /** Amara's Oura connection (provider user {@code oura-user-1}), and Amara's Withings one with the same user id. */
    private void connected() {
        gateway.amaraConnected();
        gateway.connected(AMARA_WITHINGS, "w-access", "w-refresh", Syncing.NOW.plusSeconds(600), Syncing.NOW);
    }

    @Test
    void a_deauthorization_revokes_the_users_connection_of_that_provider_only() {
        connected();
        NotificationVerdict deauthorized =
                new NotificationVerdict.Accepted(List.of(new Notice.Deauthorized("oura-user-1")));

        assertThat(receive("oura", deauthorized)).contains(deauthorized);

        assertThat(status(Syncing.AMARA_OURA)).isEqualTo(ConnectionStatus.REVOKED);
        assertThat(gateway.connections.find(Syncing.AMARA_OURA)).isEmpty();
        assertThat(status(AMARA_WITHINGS)).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void a_data_notification_queues_a_sync_of_the_users_active_connections() {
        connected();
        gateway.connected(BEN_OURA, "b-access", "b-refresh", Syncing.NOW.plusSeconds(600), Syncing.NOW);

        receive("oura", new NotificationVerdict.Accepted(List.of(new Notice.DataAvailable("oura-user-1"))));

        assertThat(gateway.queue.jobs())
                .extracting(job -> job.key())
                .containsExactlyInAnyOrder(Syncing.AMARA_OURA, BEN_OURA);
    }

    @Test
    void a_data_notification_of_a_revoked_connection_queues_nothing() {
        connected();
        gateway.connections.revoke(Syncing.AMARA_OURA);

        receive("oura", new NotificationVerdict.Accepted(List.of(new Notice.DataAvailable("oura-user-1"))));

        assertThat(gateway.queue.jobs()).isEmpty();
    }

    @Test
    void a_notice_about_an_unknown_user_is_accepted_and_changes_nothing() {
        connected();
        NotificationVerdict unknown =
                new NotificationVerdict.Accepted(List.of(new Notice.Deauthorized("somebody-else")));

        assertThat(receive("oura", unknown)).contains(unknown);

        assertThat(status(Syncing.AMARA_OURA)).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(gateway.queue.jobs()).isEmpty();
    }

    @Test
    void a_refused_notification_or_a_challenge_changes_nothing() {
        connected();

        assertThat(receive("oura", new NotificationVerdict.Rejected("bad signature")))
                .contains(new NotificationVerdict.Rejected("bad signature"));
        assertThat(receive("oura", new NotificationVerdict.Challenged("application/json", "{}")))
                .isPresent();

        assertThat(status(Syncing.AMARA_OURA)).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(gateway.queue.jobs()).isEmpty();
    }

    @Test
    void a_provider_without_notifications_or_a_malformed_slug_answers_nothing() {
        assertThat(receive.receive("dexcom", posted())).isEmpty();
        assertThat(receive.receive("Not A Slug", posted())).isEmpty();
    }

    @Test
    void a_store_that_cannot_be_reached_fails_the_request_so_that_the_provider_sends_it_again() {
        connected();
        gateway.connections.setAvailable(false);

        assertThatThrownBy(() -> receive(
                        "oura", new NotificationVerdict.Accepted(List.of(new Notice.Deauthorized("oura-user-1")))))
                .isInstanceOf(Unavailable.ConnectionStore.class);
    }

    @Test
    void a_notification_that_could_not_be_acted_on_is_forgotten_so_that_the_providers_retry_is_taken() {
        connected();
        seen.firstTime("oura:signature-1", java.time.Duration.ofMinutes(10));
        gateway.connections.setAvailable(false);
        NotificationVerdict deauthorized = new NotificationVerdict.Accepted(
                        List.of(new Notice.Deauthorized("oura-user-1")))
                .rememberedAs("oura:signature-1");

        assertThatThrownBy(() -> receive("oura", deauthorized)).isInstanceOf(Unavailable.ConnectionStore.class);

        assertThat(seen.firstTime("oura:signature-1", java.time.Duration.ofMinutes(10)))
                .as("the retry's signature is new")
                .isTrue();
        gateway.connections.setAvailable(true);
        receive("oura", deauthorized);
        assertThat(status(Syncing.AMARA_OURA)).isEqualTo(ConnectionStatus.REVOKED);
    }

    @Test
    void a_notification_acted_on_stays_remembered() {
        connected();
        seen.firstTime("oura:signature-2", java.time.Duration.ofMinutes(10));

        receive(
                "oura",
                new NotificationVerdict.Accepted(List.of(new Notice.DataAvailable("oura-user-1")))
                        .rememberedAs("oura:signature-2"));

        assertThat(seen.firstTime("oura:signature-2", java.time.Duration.ofMinutes(10)))
                .isFalse();
    }
}
