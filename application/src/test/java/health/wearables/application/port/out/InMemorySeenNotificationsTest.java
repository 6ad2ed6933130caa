package health.wearables.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InMemorySeenNotificationsTest extends SeenNotificationsContract {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T12:00:00Z"));
    private final InMemorySeenNotifications seen = new InMemorySeenNotifications(now::get);

    @Override
    protected SeenNotifications seen() {
        return seen;
    }

    @Test
    void a_fingerprint_is_new_again_after_its_window() {
        seen.firstTime("whoop:sig", Duration.ofMinutes(10));
        now.set(now.get().plus(Duration.ofMinutes(10)));

        assertThat(seen.firstTime("whoop:sig", Duration.ofMinutes(10))).isTrue();
    }
}
