package health.wearables.domain.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyncWindowTest {
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final Duration DAYS_30 = Duration.ofDays(30);
    static final Duration TWO_DAYS = Duration.ofDays(2);
    static final Duration UNLIMITED = Duration.ofDays(3650);

    @Test
    void a_first_sync_reads_the_backfill_up_to_now() {
        assertThat(SyncWindow.of(Optional.empty(), DAYS_30, TWO_DAYS, UNLIMITED, NOW))
                .isEqualTo(new SyncWindow(NOW.minus(DAYS_30), NOW));
    }

    @Test
    void the_backfill_never_reaches_further_back_than_the_provider_serves() {
        assertThat(SyncWindow.of(Optional.empty(), Duration.ofDays(90), TWO_DAYS, DAYS_30, NOW)
                        .from())
                .isEqualTo(NOW.minus(DAYS_30));
    }

    @Test
    void a_later_sync_starts_at_the_last_synced_point_minus_the_look_back() {
        Instant lastSynced = NOW.minus(Duration.ofHours(1));
        assertThat(SyncWindow.of(Optional.of(lastSynced), DAYS_30, TWO_DAYS, UNLIMITED, NOW))
                .isEqualTo(new SyncWindow(lastSynced.minus(TWO_DAYS), NOW));
    }

    @Test
    void a_later_sync_of_a_long_silent_connection_reads_no_further_back_than_a_backfill() {
        Instant longAgo = NOW.minus(Duration.ofDays(200));
        assertThat(SyncWindow.of(Optional.of(longAgo), DAYS_30, TWO_DAYS, UNLIMITED, NOW)
                        .from())
                .isEqualTo(NOW.minus(DAYS_30));
    }

    @Test
    void a_sync_point_in_the_future_counts_as_now() {
        assertThat(SyncWindow.of(Optional.of(NOW.plusSeconds(5)), DAYS_30, TWO_DAYS, UNLIMITED, NOW))
                .isEqualTo(new SyncWindow(NOW.minus(TWO_DAYS), NOW));
    }

    @Test
    void a_backfill_or_look_back_of_nothing_is_refused() {
        assertThatThrownBy(() -> SyncWindow.of(Optional.of(NOW), DAYS_30, Duration.ZERO, UNLIMITED, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyncWindow.of(Optional.empty(), Duration.ZERO, TWO_DAYS, UNLIMITED, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_window_is_cut_into_slices_a_provider_serves_in_one_request() {
        SyncWindow ninetyDays = new SyncWindow(NOW.minus(Duration.ofDays(90)), NOW);

        assertThat(ninetyDays.slices(DAYS_30))
                .containsExactly(
                        new SyncWindow(NOW.minus(Duration.ofDays(90)), NOW.minus(Duration.ofDays(60))),
                        new SyncWindow(NOW.minus(Duration.ofDays(60)), NOW.minus(DAYS_30)),
                        new SyncWindow(NOW.minus(DAYS_30), NOW));
        assertThat(new SyncWindow(NOW.minus(Duration.ofDays(45)), NOW).slices(DAYS_30))
                .hasSize(2)
                .last()
                .satisfies(last -> assertThat(last.to()).isEqualTo(NOW));
    }

    @Test
    void an_empty_or_backward_window_is_refused() {
        assertThatThrownBy(() -> new SyncWindow(NOW, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SyncWindow(NOW, NOW.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
