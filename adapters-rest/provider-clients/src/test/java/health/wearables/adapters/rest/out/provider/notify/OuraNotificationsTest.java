package health.wearables.adapters.rest.out.provider.notify;

import static health.wearables.adapters.rest.out.provider.notify.Readers.CLIENT_SECRET;
import static health.wearables.adapters.rest.out.provider.notify.Readers.NOW;
import static health.wearables.adapters.rest.out.provider.notify.Readers.VERIFY_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.wearables.application.port.out.LeaseUnavailable;
import health.wearables.domain.VerifyToken;
import health.wearables.domain.notify.Notice;
import health.wearables.domain.notify.NotificationVerdict.Accepted;
import health.wearables.domain.notify.NotificationVerdict.Challenged;
import health.wearables.domain.notify.NotificationVerdict.Rejected;
import health.wearables.domain.notify.WebhookSettings;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OuraNotificationsTest {
    private final Readers readers = new Readers();
    private final NotificationSender.Oura oura =
            NotificationSender.oura(CLIENT_SECRET).at(NOW.minusSeconds(20));

    @Test
    void a_genuine_notification_is_data_of_the_oura_user_it_names() {
        var verdict = readers.read("oura", oura.dataAvailable("8f7e6d5c-oura-user"));

        assertThat(verdict).isEqualTo(new Accepted(List.of(new Notice.DataAvailable("8f7e6d5c-oura-user"))));
    }

    @Test
    void every_documented_event_type_is_data_a_delete_included() {
        for (String eventType : List.of("create", "update", "delete")) {
            var verdict = readers.read("oura", oura.event(eventType, "sleep", "user-" + eventType));

            assertThat(verdict).isEqualTo(new Accepted(List.of(new Notice.DataAvailable("user-" + eventType))));
        }
    }

    @Test
    void the_signature_is_read_whatever_the_case_of_its_hex() {
        var sent = oura.dataAvailable("user-1");
        var lower = sent.withHeader(
                "x-oura-signature", sent.headers().get("x-oura-signature").toLowerCase(Locale.ROOT));

        assertThat(readers.read("oura", lower)).isInstanceOf(Accepted.class);
    }

    @Test
    void hostile_case_59_a_missing_or_wrong_signature_is_refused() {
        assertThat(readers.read("oura", oura.dataAvailable("user-1").withoutSignature()))
                .isInstanceOf(Rejected.class);
        assertThat(readers.read("oura", oura.dataAvailable("user-1").withTamperedBody()))
                .isInstanceOf(Rejected.class);
        assertThat(readers.read("oura", oura.dataAvailable("user-1").withHeader("x-oura-signature", "not hex")))
                .isInstanceOf(Rejected.class);
        assertThat(readers.read(
                        "oura",
                        NotificationSender.oura("another-secret").at(NOW).dataAvailable("user-1")))
                .isInstanceOf(Rejected.class);
        assertThat(readers.read("oura", oura.dataAvailable("user-1").withoutHeader("x-oura-timestamp")))
                .isInstanceOf(Rejected.class);
        assertThat(readers.seen.fingerprints()).isEmpty();
    }

    @Test
    void hostile_case_59_a_timestamp_more_than_5_minutes_old_or_ahead_is_refused() {
        assertThat(readers.read(
                        "oura",
                        oura.at(NOW.minus(Duration.ofMinutes(5).plusSeconds(1))).dataAvailable("u")))
                .isInstanceOf(Rejected.class);
        assertThat(readers.read("oura", oura.at(NOW.plus(Duration.ofMinutes(6))).dataAvailable("u")))
                .isInstanceOf(Rejected.class);
        assertThat(readers.read(
                        "oura", oura.at(NOW.minus(Duration.ofMinutes(5))).dataAvailable("u")))
                .isInstanceOf(Accepted.class);
    }

    @Test
    void the_same_signed_notification_sent_again_is_refused_as_a_replay() {
        var sent = oura.dataAvailable("user-1");

        assertThat(readers.read("oura", sent)).isInstanceOf(Accepted.class);
        assertThat(readers.read("oura", sent)).isEqualTo(new Rejected("replayed: this signature was already taken"));
        assertThat(readers.seen.fingerprints()).singleElement().asString().startsWith("oura:");
        assertThat(readers.seen.keptFor()).containsOnly(Duration.ofMinutes(10));
    }

    @Test
    void an_accepted_notification_names_the_fingerprint_it_was_remembered_under_and_once_forgotten_is_taken_again() {
        var sent = oura.dataAvailable("user-2");

        Accepted accepted =
                (Accepted) readers.readIfServed("oura", sent.inbound(NOW)).orElseThrow();
        assertThat(accepted.fingerprint()).isPresent();
        assertThat(readers.seen.fingerprints())
                .containsExactly(accepted.fingerprint().get());

        readers.seen.forget(accepted.fingerprint().get());

        assertThat(readers.read("oura", sent)).isInstanceOf(Accepted.class);
        assertThat(readers.read("oura", sent)).isInstanceOf(Rejected.class);
    }

    @Test
    void an_unreachable_replay_memory_is_not_taken_for_a_first_time() {
        readers.seen.becomeUnreachable();

        assertThatThrownBy(() -> readers.read("oura", oura.dataAvailable("user-1")))
                .isInstanceOf(LeaseUnavailable.class);
    }

    @Test
    void a_verified_body_without_a_user_is_acknowledged_with_no_notices() {
        var sent = NotificationSender.oura(CLIENT_SECRET).at(NOW).event("update", "sleep", "");

        assertThat(readers.read("oura", sent)).isEqualTo(new Accepted(List.of()));
    }

    @Test
    void hostile_case_60_the_challenge_is_answered_only_for_the_configured_verification_token() {
        assertThat(readers.read("oura", oura.challenge(VERIFY_TOKEN, "a9f3c1")))
                .isEqualTo(new Challenged("application/json", "{\"challenge\":\"a9f3c1\"}"));
        assertThat(readers.read("oura", oura.challenge("guessed-token", "a9f3c1")))
                .isInstanceOf(Rejected.class);
        assertThat(readers.read("oura", oura.challenge(VERIFY_TOKEN, "a9f3c1").withoutQuery("verification_token")))
                .isInstanceOf(Rejected.class);
    }

    @Test
    void without_a_configured_verify_token_no_challenge_is_answered() {
        Readers unconfigured = new Readers(WebhookSettings.NONE);

        assertThat(unconfigured.read("oura", oura.challenge(VERIFY_TOKEN, "a9f3c1")))
                .isInstanceOf(Rejected.class);
    }

    @Test
    void a_challenge_that_is_not_plain_text_is_not_echoed() {
        Readers configured =
                new Readers(new WebhookSettings(Optional.empty(), Optional.of(new VerifyToken(VERIFY_TOKEN))));

        assertThat(configured.read("oura", oura.challenge(VERIFY_TOKEN, "line\nbreak")))
                .isInstanceOf(Rejected.class);
        assertThat(configured.read("oura", oura.challenge(VERIFY_TOKEN, "x".repeat(513))))
                .isInstanceOf(Rejected.class);
    }

    @Test
    void a_refusal_never_quotes_the_secret_or_the_signature() {
        var sent = NotificationSender.oura("another-secret").at(NOW).dataAvailable("user-1");

        var verdict = readers.read("oura", sent);

        assertThat(verdict.toString())
                .doesNotContain(CLIENT_SECRET)
                .doesNotContain(sent.headers().get("x-oura-signature"))
                .doesNotContain("user-1");
    }
}
