package health.wearables.domain;

import static health.wearables.domain.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenSetTest {
    private static final long YEAR_AND_A_DAY = Duration.ofDays(366).toSeconds();

    @Test
    void no_expires_in_gives_no_expiry() {
        assertThat(TokenSet.expiryFrom(Optional.empty(), NOW)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "3600, 3600",
        "1, 1",
        "0, 0",
        "-5, 0",
        "-9223372036854775808, 0",
        "31622400, 31622400",
        "31622401, 31622400",
        "9223372036854775807, 31622400"
    })
    void expires_in_becomes_an_absolute_instant_clamped_between_now_and_366_days(long expiresIn, long expectedSeconds) {
        assertThat(TokenSet.expiryFrom(Optional.of(expiresIn), NOW)).contains(NOW.plusSeconds(expectedSeconds));
    }

    @Test
    void an_absolute_expiry_inside_the_window_is_kept() {
        assertThat(TokenSet.clampAbsolute(NOW.plusSeconds(21600), NOW)).isEqualTo(NOW.plusSeconds(21600));
        assertThat(TokenSet.clampAbsolute(NOW, NOW)).isEqualTo(NOW);
    }

    @Test
    void an_absolute_expiry_in_the_past_becomes_now() {
        assertThat(TokenSet.clampAbsolute(NOW.minusSeconds(60), NOW)).isEqualTo(NOW);
    }

    @Test
    void an_absolute_expiry_beyond_366_days_becomes_366_days() {
        assertThat(TokenSet.clampAbsolute(NOW.plusSeconds(YEAR_AND_A_DAY + 1), NOW))
                .isEqualTo(NOW.plusSeconds(YEAR_AND_A_DAY));
        assertThat(TokenSet.clampAbsolute(java.time.Instant.MAX, NOW)).isEqualTo(NOW.plusSeconds(YEAR_AND_A_DAY));
    }
}
