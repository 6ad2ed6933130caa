package health.wearables.domain.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FreshnessTest {
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final Duration MARGIN = Duration.ofMinutes(5);

    static String judged(Optional<Instant> expiresAt, boolean refreshable) {
        return Freshness.of(expiresAt, refreshable, MARGIN, NOW)
                .fold(() -> "fresh", due -> "refresh-due", expiring -> "expiring");
    }

    @Test
    void a_token_that_outlives_the_margin_is_used_as_it_is() {
        assertThat(judged(Optional.of(NOW.plus(Duration.ofMinutes(6))), true)).isEqualTo("fresh");
    }

    @Test
    void a_token_with_no_known_lifetime_is_used_until_the_provider_refuses_it() {
        assertThat(judged(Optional.empty(), true)).isEqualTo("fresh");
    }

    @Test
    void a_token_within_the_margin_or_expired_is_refreshed_first() {
        assertThat(judged(Optional.of(NOW.plus(MARGIN)), true)).isEqualTo("refresh-due");
        assertThat(judged(Optional.of(NOW.minus(Duration.ofHours(3))), true)).isEqualTo("refresh-due");
    }

    @Test
    void without_a_refresh_token_an_expiring_token_is_used_while_it_lasts() {
        assertThat(judged(Optional.of(NOW.plusSeconds(10)), false)).isEqualTo("expiring");
    }
}
