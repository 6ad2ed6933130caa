package health.wearables.application.service;

import health.wearables.domain.Backoff;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link WorkSyncQueueService} holds and gives back jobs.
 *
 * @param visibility  how long a taken job may stay unfinished before another worker takes it over (its worker is
 *                    taken for dead); also how long the worker holds the connection's sync lease
 *                    ({@code wearables.sync.visibility})
 * @param maxAttempts a job that failed (or was deferred by a fault) this many times is dead-lettered
 *                    ({@code wearables.sync.max-attempts}); a rate limit never counts against it
 * @param backoff     the wait after the first failure, doubled after each further one
 * @param maxBackoff  the longest wait between two attempts
 * @param busyRetry   how long a job waits when another worker syncs the same connection
 */
public record WorkSettings(
        Duration visibility, int maxAttempts, Duration backoff, Duration maxBackoff, Duration busyRetry) {

    public WorkSettings {
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(busyRetry, "busyRetry");
        if (visibility.isNegative() || visibility.isZero()) {
            throw new IllegalArgumentException("the visibility timeout must be positive");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1");
        }
        new Backoff(backoff, maxBackoff); // refuses bounds that cannot be
    }

    /** 300 s visibility, 8 attempts, 30 s doubling up to an hour, 10 s when busy. */
    public static WorkSettings defaults() {
        return new WorkSettings(
                Duration.ofSeconds(300), 8, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofSeconds(10));
    }

    /** The wait after the {@code attempt}-th try failed: backoff × 2^(attempt − 1), at most maxBackoff. */
    public Duration backoffAfter(int attempt) {
        return new Backoff(backoff, maxBackoff).after(attempt);
    }
}
