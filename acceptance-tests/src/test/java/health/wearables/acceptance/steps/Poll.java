package health.wearables.acceptance.steps;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting for work the gateway does in the background: looks again every quarter second until the answer is the
 * expected one, and fails, showing the last answer, when the deadline passes first. The deadline bounds the wait; it
 * is never what a test asserts.
 */
final class Poll {
    static final Duration RECOVERY = Duration.ofSeconds(30);

    private Poll() {}

    static <T> T until(String what, Supplier<T> look, Predicate<T> expected) {
        return until(what, look, expected, RECOVERY);
    }

    /** The same with a bound of its own: work that waits on a timeout of the gateway's (a visibility timeout, say). */
    static <T> T until(String what, Supplier<T> look, Predicate<T> expected, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        T seen = look.get();
        while (!expected.test(seen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + bound.toSeconds() + " s: " + what + "; last seen: " + seen);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
            seen = look.get();
        }
        return seen;
    }
}
