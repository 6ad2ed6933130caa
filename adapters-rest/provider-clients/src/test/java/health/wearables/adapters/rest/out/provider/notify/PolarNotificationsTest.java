package health.wearables.adapters.rest.out.provider.notify;

import static health.wearables.adapters.rest.out.provider.notify.Readers.CLIENT_SECRET;
import static health.wearables.adapters.rest.out.provider.notify.Readers.WEBHOOK_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.notify.Notice;
import health.wearables.domain.notify.NotificationVerdict.Accepted;
import health.wearables.domain.notify.NotificationVerdict.Rejected;
import health.wearables.domain.notify.WebhookSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolarNotificationsTest {
    private final Readers readers = new Readers();
    private final NotificationSender.Polar polar = NotificationSender.polar(WEBHOOK_SECRET);

    @Test
    void every_documented_data_event_is_data_of_the_polar_user_id_as_text() {
        for (String event : PolarNotifications.DATA_EVENTS) {
            var verdict = readers.read("polar", polar.event(event, 475));

            assertThat(verdict).isEqualTo(new Accepted(List.of(new Notice.DataAvailable("475"))));
        }
    }

    @Test
    void a_signed_ping_and_an_unknown_event_are_acknowledged_with_no_notices() {
        assertThat(readers.read("polar", polar.ping())).isEqualTo(new Accepted(List.of()));
        assertThat(readers.read("polar", polar.event("SOMETHING_NEW", 475))).isEqualTo(new Accepted(List.of()));
    }

    @Test
    void before_the_signature_key_is_configured_only_the_ping_of_the_webhook_creation_is_answered() {
        Readers creating = new Readers(WebhookSettings.NONE);

        assertThat(creating.read("polar", polar.ping().withoutSignature())).isEqualTo(new Accepted(List.of()));
        assertThat(creating.read("polar", polar.dataAvailable(475))).isInstanceOf(Rejected.class);
    }

    @Test
    void hostile_case_59_a_missing_or_wrong_signature_is_refused_the_ping_included() {
        assertThat(readers.read("polar", polar.dataAvailable(475).withoutSignature()))
                .isInstanceOf(Rejected.class);
        assertThat(readers.read("polar", polar.dataAvailable(475).withTamperedBody()))
                .isInstanceOf(Rejected.class);
        assertThat(readers.read("polar", polar.ping().withoutSignature())).isInstanceOf(Rejected.class);
        assertThat(readers.read("polar", NotificationSender.polar(CLIENT_SECRET).dataAvailable(475)))
                .isInstanceOf(Rejected.class);
    }

    @Test
    void a_replay_is_refused_and_remembered_for_a_day_as_polar_signs_no_timestamp() {
        var sent = polar.dataAvailable(475);

        assertThat(readers.read("polar", sent)).isInstanceOf(Accepted.class);
        assertThat(readers.read("polar", sent)).isInstanceOf(Rejected.class);
        assertThat(readers.seen.keptFor()).containsOnly(Duration.ofHours(24));
    }
}
