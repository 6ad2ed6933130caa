package health.wearables.adapters.rest.out.provider.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void delay_seconds_are_the_delay() {
        assertThat(RetryAfter.parse(Optional.of("0"), NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse(Optional.of(" 120 "), NOW)).contains(Duration.ofMinutes(2));
    }

    @Test
    void an_http_date_is_the_time_until_then_and_never_negative() {
        assertThat(RetryAfter.parse(Optional.of("Sat, 21 Nov 2026 10:05:00 GMT"), NOW))
                .contains(Duration.ofMinutes(5));
        assertThat(RetryAfter.parse(Optional.of("Sat, 21 Nov 2026 09:00:00 GMT"), NOW))
                .contains(Duration.ZERO);
    }

    @Test
    void more_than_a_day_is_taken_as_a_day() {
        assertThat(RetryAfter.parse(Optional.of("999999999"), NOW)).contains(Duration.ofDays(1));
        assertThat(RetryAfter.parse(Optional.of("Mon, 21 Dec 2026 10:00:00 GMT"), NOW))
                .contains(Duration.ofDays(1));
    }

    @Test
    void anything_else_is_no_header() {
        assertThat(RetryAfter.parse(Optional.empty(), NOW)).isEmpty();
        assertThat(RetryAfter.parse(Optional.of("-5"), NOW)).isEmpty();
        assertThat(RetryAfter.parse(Optional.of("1.5"), NOW)).isEmpty();
        assertThat(RetryAfter.parse(Optional.of("tomorrow"), NOW)).isEmpty();
        assertThat(RetryAfter.parse(Optional.of("1234567890123"), NOW)).isEmpty();
    }
}
