package health.wearables.adapters.rest.out.provider.notify;

import static health.wearables.adapters.rest.out.provider.notify.Readers.CLIENT_SECRET;
import static health.wearables.adapters.rest.out.provider.notify.Readers.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.notify.Notice;
import health.wearables.domain.notify.NotificationVerdict.Accepted;
import health.wearables.domain.notify.NotificationVerdict.Rejected;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhoopNotificationsTest {
    private final Readers readers = new Readers();
    private final NotificationSender.Whoop whoop =
            NotificationSender.whoop(CLIENT_SECRET).at(NOW.minusSeconds(3));

    @Test
    void every_documented_event_type_is_data_of_the_whoop_user_id_as_text() {
        for (String type : WhoopNotifications.DATA_TYPES) {
            var verdict = readers.read("whoop", whoop.event(type, 10129));

            assertThat(verdict).isEqualTo(new Accepted(List.of(new Notice.DataAvailable("10129"))));
        }
    }

    @Test
    void an_event_type_whoop_may_add_later_is_acknowledged_with_no_notices() {
        assertThat(readers.read("whoop", whoop.event("body_measurement.updated", 10129)))
                .isEqualTo(new Accepted(List.of()));
    }

    @Test
    void hostile_case_59_a_missing_or_wrong_signature_is_refused() {
        assertThat(readers.read("whoop", whoop.dataAvailable(10129).withoutSignature()))
                .isInstanceOf(Rejected.class);
        assertThat(readers.read("whoop", whoop.dataAvailable(10129).withTamperedBody()))
                .isInstanceOf(Rejected.class);
        assertThat(readers.read(
                        "whoop", NotificationSender.whoop("other").at(NOW).dataAvailable(10129)))
                .isInstanceOf(Rejected.class);
        assertThat(readers.read("whoop", whoop.dataAvailable(10129).withoutHeader("X-WHOOP-Signature-Timestamp")))
                .isInstanceOf(Rejected.class);
    }

    @Test
    void hostile_case_59_a_stale_timestamp_is_refused_and_seconds_are_not_milliseconds() {
        assertThat(readers.read(
                        "whoop", whoop.at(NOW.minus(Duration.ofMinutes(6))).dataAvailable(10129)))
                .isInstanceOf(Rejected.class);
        var sent = whoop.dataAvailable(10129);
        String seconds = Long.toString(NOW.getEpochSecond());
        assertThat(readers.read("whoop", sent.withHeader("X-WHOOP-Signature-Timestamp", seconds)))
                .isInstanceOf(Rejected.class);
    }

    @Test
    void a_replay_is_refused() {
        var sent = whoop.dataAvailable(10129);

        assertThat(readers.read("whoop", sent)).isInstanceOf(Accepted.class);
        assertThat(readers.read("whoop", sent)).isInstanceOf(Rejected.class);
        assertThat(readers.seen.keptFor()).containsOnly(Duration.ofMinutes(10));
    }

    @Test
    void whoop_sends_no_get_so_a_get_is_refused() {
        assertThat(readers.read("whoop", NotificationSender.oura(CLIENT_SECRET).challenge("t", "c")))
                .isInstanceOf(Rejected.class);
    }
}
