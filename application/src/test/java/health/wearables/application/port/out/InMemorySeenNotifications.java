package health.wearables.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** {@link SeenNotifications} in memory, on a clock the test moves. */
public final class InMemorySeenNotifications implements SeenNotifications {
    private final Map<String, Instant> seenUntil = new ConcurrentHashMap<>();
    private final Supplier<Instant> now;

    public InMemorySeenNotifications(Supplier<Instant> now) {
        this.now = now;
    }

    @Override
    public synchronized boolean firstTime(String fingerprint, Duration keepFor) {
        Instant at = now.get();
        Instant until = seenUntil.get(fingerprint);
        if (until != null && at.isBefore(until)) {
            return false;
        }
        seenUntil.put(fingerprint, at.plus(keepFor));
        return true;
    }

    @Override
    public void forget(String fingerprint) {
        seenUntil.remove(fingerprint);
    }
}
