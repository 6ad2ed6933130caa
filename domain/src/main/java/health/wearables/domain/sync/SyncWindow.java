package health.wearables.domain.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The span of time one sync reads from the provider: from {@code from} (inclusive) to {@code to} (exclusive).
 *
 * <p>A first sync reads back the backfill, never further than the provider serves; a later one starts at the last
 * synced point minus a look-back, because providers revise recent data (a night of sleep is rescored, a day of steps
 * grows until the day ends), and never starts before the first sync's reach would have.
 */
public record SyncWindow(Instant from, Instant to) {

    public SyncWindow {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("a sync window must end after it starts: " + from + " .. " + to);
        }
    }

    /**
     * The window of a sync: a backfill when nothing was synced yet, else from the last synced point minus the
     * look-back; either way bounded by what the provider serves ({@code providerLimit} back from now).
     */
    public static SyncWindow of(
            Optional<Instant> lastSynced, Duration backfill, Duration lookback, Duration providerLimit, Instant now) {
        if (lookback.isZero() || lookback.isNegative() || backfill.isZero() || backfill.isNegative()) {
            throw new IllegalArgumentException("the backfill and the look-back must be positive");
        }
        Instant earliest = now.minus(min(backfill, providerLimit));
        Instant from = lastSynced
                .map(point -> (point.isAfter(now) ? now : point).minus(lookback))
                .filter(start -> start.isAfter(earliest))
                .orElse(earliest);
        return new SyncWindow(from, now);
    }

    /**
     * The window cut into consecutive slices of at most {@code slice} (Oura's heart rate and Dexcom's glucose serve
     * at most 30 days a request).
     */
    public java.util.List<SyncWindow> slices(Duration slice) {
        if (slice.isZero() || slice.isNegative()) {
            throw new IllegalArgumentException("a slice must be positive");
        }
        java.util.List<SyncWindow> slices = new java.util.ArrayList<>();
        Instant start = from;
        while (start.isBefore(to)) {
            Instant end = start.plus(slice).isBefore(to) ? start.plus(slice) : to;
            slices.add(new SyncWindow(start, end));
            start = end;
        }
        return slices;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
