package health.wearables.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void the_first_wait_doubles_after_each_failure_up_to_the_longest() {
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(backoff.after(7)).isEqualTo(Duration.ofMinutes(32));
        assertThat(backoff.after(8)).as("64 min is more than the longest").isEqualTo(Duration.ofHours(1));
        assertThat(backoff.after(1_000_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void no_failure_yet_waits_the_first() {
        assertThat(backoff.after(0)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void bounds_that_cannot_be_are_refused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
