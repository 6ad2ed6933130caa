package health.wearables.application.service;

import static health.wearables.application.service.Gateway.DONE;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.InMemoryPendingRevocations;
import health.wearables.domain.ApiKey;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.SyncJob;
import health.wearables.domain.events.EventType;
import health.wearables.domain.events.PlatformEvent;
import health.wearables.domain.sync.DataType;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which changes report which events, and that an event is recorded exactly when its change is. */
class PlatformEventsTest {
    private static final ConnectionKey ACME_123_WITHINGS = Gateway.key("acme", "123", "withings");

    @Test
    void a_connect_reports_connection_created_and_a_second_one_a_reconnect() {
        Gateway gateway = new Gateway();

        gateway.approves("withings", gateway.startedFor("withings", DONE, false));
        gateway.approves("withings", gateway.startedFor("withings", DONE, false));

        assertThat(gateway.events.events())
                .extracting(
                        PlatformEvent::type,
                        PlatformEvent::connection,
                        event -> event.details().get("reconnect"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(EventType.CONNECTION_CREATED, ACME_123_WITHINGS, false),
                        org.assertj.core.groups.Tuple.tuple(EventType.CONNECTION_CREATED, ACME_123_WITHINGS, true));
        assertThat(gateway.events.events()).extracting(PlatformEvent::id).doesNotHaveDuplicates();
    }

    @Test
    void a_connect_whose_store_is_down_records_no_created_event_until_the_recovery_writes_the_connection() {
        Gateway gateway = new Gateway();
        gateway.connections.setAvailable(false);

        gateway.approves("withings", gateway.startedFor("withings", DONE, false));
        assertThat(gateway.events.events()).isEmpty();
        gateway.connections.setAvailable(true);
        gateway.recovery.runOnce();

        assertThat(gateway.events.events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventType.CONNECTION_CREATED);
            assertThat(event.details()).containsEntry("reconnect", false);
        });
    }

    @Test
    void a_refused_refresh_reports_reauth_required_once() {
        Syncing gateway = new Syncing();
        gateway.amaraExpiring();
        gateway.tokenEndpoint.answerWith(new health.wearables.domain.callback.ExchangeResult.Refused("invalid_grant"));

        gateway.sync.sync(new SyncJob(Syncing.AMARA_OURA, "1", Syncing.NOW), () -> {});

        assertThat(gateway.events.events())
                .extracting(PlatformEvent::type)
                .containsExactly(EventType.CONNECTION_REAUTH_REQUIRED);
    }

    @Test
    void a_completed_sync_reports_its_window_and_counts_per_data_type() {
        Syncing gateway = new Syncing();
        gateway.amaraConnected();
        gateway.data.first(ScriptedProviderData.last(Syncing.steps(2, 5_000), Syncing.steps(3, 6_000)));

        gateway.sync.sync(new SyncJob(Syncing.AMARA_OURA, "1", Syncing.NOW), () -> {});

        assertThat(gateway.events.events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventType.SYNC_COMPLETED);
            assertThat(event.details().get("counts")).isEqualTo(Map.of(DataType.DAILY_STEPS.gatewayCode(), 2));
            assertThat(event.details()).containsKey("window");
        });
    }

    @Test
    void a_disconnect_reports_revoked_once_and_a_second_disconnect_nothing() {
        Syncing gateway = new Syncing();
        gateway.amaraConnected();
        DisconnectConnectionService disconnect = new DisconnectConnectionService(
                gateway.projects,
                gateway.connections,
                gateway.connections,
                new InMemoryPendingRevocations(),
                new RevocationSettings(
                        new ScriptedRevocations(),
                        gateway.providers,
                        gateway.cipher,
                        RevocationSettings.DEFAULT_RETRY_FOR,
                        gateway.tokenEndpoint),
                gateway.clock,
                Events.into(gateway.events),
                gateway.audits);

        disconnect.disconnect(Optional.of(new ApiKey(Gateway.ACME_KEY)), "oura", "amara", false);
        disconnect.disconnect(Optional.of(new ApiKey(Gateway.ACME_KEY)), "oura", "amara", false);

        assertThat(gateway.events.events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventType.CONNECTION_REVOKED);
            assertThat(event.details()).containsExactly(Map.entry("reason", "disconnected"));
        });
    }
}
