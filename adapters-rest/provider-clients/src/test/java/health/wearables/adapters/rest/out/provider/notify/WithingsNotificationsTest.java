package health.wearables.adapters.rest.out.provider.notify;

import static health.wearables.adapters.rest.out.provider.notify.Readers.VERIFY_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.notify.Notice;
import health.wearables.domain.notify.NotificationVerdict.Accepted;
import health.wearables.domain.notify.NotificationVerdict.Challenged;
import health.wearables.domain.notify.NotificationVerdict.Rejected;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WithingsNotificationsTest {
    private final Readers readers = new Readers();
    private final NotificationSender.Withings withings = NotificationSender.withings(VERIFY_TOKEN);

    @Test
    void the_check_of_the_callback_url_is_answered_only_with_the_verify_token() {
        assertThat(readers.read("withings", withings.urlCheck())).isEqualTo(new Challenged("text/plain", ""));
        assertThat(readers.read("withings", withings.urlCheck().withoutQuery("verify_token")))
                .isInstanceOf(Rejected.class);
    }

    @Test
    void every_data_appli_is_data_of_the_withings_userid() {
        for (String appli : WithingsNotifications.DATA_APPLIS) {
            var verdict = readers.read(
                    "withings", withings.form(Map.of("userid", "12345", "appli", appli, "date", "2026-01-14")));

            assertThat(verdict).isEqualTo(new Accepted(List.of(new Notice.DataAvailable("12345"))));
        }
    }

    @Test
    void unlinking_our_app_or_deleting_the_account_ends_the_user_and_a_profile_update_does_not() {
        assertThat(readers.read("withings", withings.deauthorized(12345)))
                .isEqualTo(new Accepted(List.of(new Notice.Deauthorized("12345"))));
        assertThat(readers.read("withings", withings.profileChange(12345, "delete")))
                .isEqualTo(new Accepted(List.of(new Notice.Deauthorized("12345"))));
        assertThat(readers.read("withings", withings.profileChange(12345, "update")))
                .isEqualTo(new Accepted(List.of()));
    }

    @Test
    void an_event_appli_such_as_bed_in_changes_nothing() {
        assertThat(readers.read("withings", withings.form(Map.of("userid", "12345", "appli", "50"))))
                .isEqualTo(new Accepted(List.of()));
    }

    @Test
    void hostile_case_59_a_notification_without_the_verify_token_of_the_callback_url_is_refused() {
        assertThat(readers.read("withings", withings.deauthorized(12345).withoutQuery("verify_token")))
                .isInstanceOf(Rejected.class);
        assertThat(readers.read(
                        "withings", NotificationSender.withings("guessed").deauthorized(12345)))
                .isInstanceOf(Rejected.class);
    }
}
