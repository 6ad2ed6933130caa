package health.wearables.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What every {@link SeenNotifications} must do; run against the fake and Redis. */
public abstract class SeenNotificationsContract {

    protected abstract SeenNotifications seen();

    @Test
    void a_fingerprint_is_new_once_and_seen_after_that() {
        String fingerprint = Samples.unique("oura:signature");

        assertThat(seen().firstTime(fingerprint, Duration.ofMinutes(10))).isTrue();
        assertThat(seen().firstTime(fingerprint, Duration.ofMinutes(10))).isFalse();
        assertThat(seen().firstTime(Samples.unique("oura:signature"), Duration.ofMinutes(10)))
                .isTrue();
    }

    @Test
    void a_forgotten_fingerprint_is_new_again_and_forgetting_an_unknown_one_is_harmless() {
        String fingerprint = Samples.unique("whoop:signature");
        seen().firstTime(fingerprint, Duration.ofMinutes(10));

        seen().forget(fingerprint);
        seen().forget(Samples.unique("never:seen"));

        assertThat(seen().firstTime(fingerprint, Duration.ofMinutes(10))).isTrue();
        assertThat(seen().firstTime(fingerprint, Duration.ofMinutes(10))).isFalse();
    }
}
