package health.wearables.adapters.rest.out.provider.notify;

import static health.wearables.adapters.rest.out.provider.notify.Readers.CLIENT_SECRET;
import static health.wearables.adapters.rest.out.provider.notify.Readers.VERIFY_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.notify.Notice;
import health.wearables.domain.notify.NotificationVerdict.Accepted;
import health.wearables.domain.notify.NotificationVerdict.Challenged;
import health.wearables.domain.notify.NotificationVerdict.Rejected;
import java.util.List;
import org.junit.jupiter.api.Test;

class FitbitNotificationsTest {
    private final Readers readers = new Readers();
    private final NotificationSender.Fitbit fitbit = NotificationSender.fitbit(CLIENT_SECRET);

    @Test
    void a_collection_update_is_data_and_a_revocation_ends_the_fitbit_owner() {
        assertThat(readers.read("fitbit", fitbit.dataAvailable("228TQ4")))
                .isEqualTo(new Accepted(List.of(new Notice.DataAvailable("228TQ4"))));
        assertThat(readers.read("fitbit", fitbit.deauthorized("228TQ4")))
                .isEqualTo(new Accepted(List.of(new Notice.Deauthorized("228TQ4"))));
        assertThat(readers.read("fitbit", fitbit.updates(List.of("sleep", "body", "activities"), "228TQ4")))
                .isEqualTo(new Accepted(List.of(new Notice.DataAvailable("228TQ4"))));
    }

    @Test
    void hostile_case_60_the_subscriber_is_verified_only_with_the_configured_code() {
        assertThat(readers.read("fitbit", fitbit.verification(VERIFY_TOKEN)))
                .isEqualTo(new Challenged("text/plain", ""));
        assertThat(readers.read("fitbit", fitbit.verification("wrong-code"))).isInstanceOf(Rejected.class);
    }

    @Test
    void hostile_case_59_a_missing_or_wrong_signature_is_refused() {
        assertThat(readers.read("fitbit", fitbit.deauthorized("228TQ4").withoutSignature()))
                .isInstanceOf(Rejected.class);
        assertThat(readers.read("fitbit", fitbit.deauthorized("228TQ4").withTamperedBody()))
                .isInstanceOf(Rejected.class);
        assertThat(readers.read("fitbit", NotificationSender.fitbit("other").deauthorized("228TQ4")))
                .isInstanceOf(Rejected.class);
    }

    @Test
    void a_replay_is_refused() {
        var sent = fitbit.deauthorized("228TQ4");

        assertThat(readers.read("fitbit", sent)).isInstanceOf(Accepted.class);
        assertThat(readers.read("fitbit", sent)).isInstanceOf(Rejected.class);
    }
}
