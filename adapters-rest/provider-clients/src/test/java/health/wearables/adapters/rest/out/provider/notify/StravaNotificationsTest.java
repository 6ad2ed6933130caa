package health.wearables.adapters.rest.out.provider.notify;

import static health.wearables.adapters.rest.out.provider.notify.Readers.VERIFY_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.notify.Notice;
import health.wearables.domain.notify.NotificationVerdict.Accepted;
import health.wearables.domain.notify.NotificationVerdict.Challenged;
import health.wearables.domain.notify.NotificationVerdict.Rejected;
import health.wearables.domain.notify.WebhookSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class StravaNotificationsTest {
    private final Readers readers = new Readers();
    private final NotificationSender.Strava strava = NotificationSender.strava(VERIFY_TOKEN);

    @Test
    void hostile_case_60_the_subscription_challenge_is_answered_only_with_the_configured_verify_token() {
        assertThat(readers.read("strava", strava.challenge(VERIFY_TOKEN, "15f7d1a91c1f40f8a748fd134752feb3")))
                .isEqualTo(
                        new Challenged("application/json", "{\"hub.challenge\":\"15f7d1a91c1f40f8a748fd134752feb3\"}"));
        assertThat(readers.read("strava", strava.challenge("STRAVA", "15f7d1a9")))
                .isInstanceOf(Rejected.class);
        assertThat(readers.read(
                        "strava", strava.challenge(VERIFY_TOKEN, "15f7d1a9").withoutQuery("hub.mode")))
                .isInstanceOf(Rejected.class);
        assertThat(new Readers(WebhookSettings.NONE).read("strava", strava.challenge(VERIFY_TOKEN, "15f7d1a9")))
                .isInstanceOf(Rejected.class);
    }

    @Test
    void an_activity_event_is_data_of_the_owner_and_a_deauthorization_ends_the_owner() {
        assertThat(readers.read("strava", strava.dataAvailable(134815)))
                .isEqualTo(new Accepted(List.of(new Notice.DataAvailable("134815"))));
        assertThat(readers.read("strava", strava.event("activity", "delete", 134815, "{}")))
                .isEqualTo(new Accepted(List.of(new Notice.DataAvailable("134815"))));
        assertThat(readers.read("strava", strava.deauthorized(134815)))
                .isEqualTo(new Accepted(List.of(new Notice.Deauthorized("134815"))));
    }

    @Test
    void another_athlete_update_changes_nothing() {
        assertThat(readers.read("strava", strava.event("athlete", "update", 134815, "{\"title\":\"Messy\"}")))
                .isEqualTo(new Accepted(List.of()));
        assertThat(readers.read("strava", strava.event("athlete", "update", 134815, "{\"authorized\":\"true\"}")))
                .isEqualTo(new Accepted(List.of()));
    }

    @Test
    void hostile_case_59_an_event_without_the_verify_token_of_the_callback_url_is_refused() {
        assertThat(readers.read("strava", strava.deauthorized(134815).withoutQuery("verify_token")))
                .isInstanceOf(Rejected.class);
        assertThat(readers.read("strava", NotificationSender.strava("guessed").deauthorized(134815)))
                .isInstanceOf(Rejected.class);
        assertThat(new Readers(WebhookSettings.NONE).read("strava", strava.deauthorized(134815)))
                .isInstanceOf(Rejected.class);
    }

    @Test
    void a_malformed_body_with_the_right_token_is_acknowledged_with_no_notices() {
        assertThat(readers.read("strava", strava.dataAvailable(1).withBody("{not json")))
                .isEqualTo(new Accepted(List.of()));
        assertThat(readers.seen.fingerprints()).isEmpty();
    }
}
