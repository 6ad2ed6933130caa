package health.wearables.adapters.rest.out.provider.notify;

import static health.wearables.adapters.rest.out.provider.notify.Readers.NOW;
import static health.wearables.adapters.rest.out.provider.notify.Readers.VERIFY_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.notify.Notice;
import health.wearables.domain.notify.NotificationVerdict.Accepted;
import health.wearables.domain.notify.NotificationVerdict.Rejected;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GarminNotificationsTest {
    private static final String USER = "4aacafe82427c251df9c9592d0c06768";

    private final Readers readers = new Readers();
    private final NotificationSender.Garmin garmin = NotificationSender.garmin(VERIFY_TOKEN);

    @ParameterizedTest
    @ValueSource(strings = {"garmin", "garmin-legacy"})
    void a_summary_is_data_and_a_deregistration_ends_the_garmin_user(String slug) {
        assertThat(readers.read(slug, garmin.dataAvailable(USER)))
                .isEqualTo(new Accepted(List.of(new Notice.DataAvailable(USER))));
        assertThat(readers.read(slug, garmin.deauthorized(USER)))
                .isEqualTo(new Accepted(List.of(new Notice.Deauthorized(USER))));
    }

    @Test
    void a_permission_change_ends_the_user_only_when_no_permission_remains() {
        assertThat(readers.read("garmin", garmin.permissionsChanged(USER, List.of())))
                .isEqualTo(new Accepted(List.of(new Notice.Deauthorized(USER))));
        assertThat(readers.read("garmin", garmin.permissionsChanged(USER, List.of("ACTIVITY_EXPORT"))))
                .isEqualTo(new Accepted(List.of()));
    }

    @Test
    void a_push_naming_several_users_gives_one_notice_per_user_and_kind() {
        var sent = garmin.body("{\"dailies\":[{\"userId\":\"a\"},{\"userId\":\"b\"},{\"userId\":\"a\"}],"
                + "\"sleeps\":[{\"userId\":\"a\"}],\"deregistrations\":[{\"userId\":\"c\"}],"
                + "\"epochs\":[{\"userAccessToken\":\"no user id\"}],\"unrelated\":7}");

        assertThat(readers.read("garmin", sent))
                .isInstanceOfSatisfying(
                        Accepted.class,
                        accepted -> assertThat(accepted.notices())
                                .containsExactlyInAnyOrder(
                                        new Notice.DataAvailable("a"),
                                        new Notice.DataAvailable("b"),
                                        new Notice.Deauthorized("c")));
    }

    @Test
    void hostile_case_59_a_notification_without_the_verify_token_of_the_endpoint_url_is_refused() {
        assertThat(readers.read("garmin", garmin.deauthorized(USER).withoutQuery("verify_token")))
                .isInstanceOf(Rejected.class);
        assertThat(readers.read(
                        "garmin-legacy", NotificationSender.garmin("guessed").deauthorized(USER)))
                .isInstanceOf(Rejected.class);
        assertThat(readers.read(
                        "garmin",
                        garmin.dataAvailable(USER).withoutQuery("verify_token").inbound(NOW)))
                .isInstanceOf(Rejected.class);
    }

    @Test
    void hostile_case_61_another_providers_deauthorization_reads_as_nothing() {
        var strava = NotificationSender.strava(VERIFY_TOKEN).deauthorized(134815);

        assertThat(readers.read("garmin", strava)).isEqualTo(new Accepted(List.of()));
    }
}
