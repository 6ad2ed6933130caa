package health.wearables.application.service;

import health.wearables.domain.Backoff;
import java.time.Duration;

/**
 * How events are delivered: the first wait after a failed attempt ({@code wearables.events.retry-first}, 1 s), doubling
 * up to {@code retry-max} (3600 s), for {@code retry-for} in all (86400 s) after the event was recorded.
 */
public record EventSettings(Duration retryFirst, Duration retryMax, Duration retryFor) {

    public static final EventSettings DEFAULTS =
            new EventSettings(Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofDays(1));

    public EventSettings {
        if (retryFirst.isNegative() || retryFirst.isZero() || retryMax.compareTo(retryFirst) < 0) {
            throw new IllegalArgumentException("event retries wait at least a moment, the longest at least the first");
        }
        if (retryFor.isNegative() || retryFor.isZero()) {
            throw new IllegalArgumentException("events are retried for a positive time");
        }
    }

    /** The wait after the {@code attempts}-th failed attempt: the first, doubling, at most the longest. */
    Duration backoff(int attempts) {
        return new Backoff(retryFirst, retryMax).after(attempts);
    }
}
