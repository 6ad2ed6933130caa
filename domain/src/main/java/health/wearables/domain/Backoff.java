package health.wearables.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff: the wait after the first failure, doubling after each further one, never longer than the
 * longest. One rule for every retry of the gateway (sync jobs, revocations, event deliveries), each with its own
 * bounds.
 *
 * @param first   the wait after the first failure
 * @param longest the longest wait
 */
public record Backoff(Duration first, Duration longest) {

    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(longest, "longest");
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException(
                    "a backoff waits a moment at least, the longest wait at least the first");
        }
    }

    /** The wait after the {@code failures}-th failure (1 for the first): first × 2^(failures − 1), at most longest. */
    public Duration after(int failures) {
        Duration wait = first;
        for (int each = 1; each < failures && wait.compareTo(longest) < 0; each++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longest) > 0 ? longest : wait;
    }
}
