package health.wearables.domain.sync;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one sync has done so far: pages read, Observations written by kind, how many of them the store took as new or
 * changed (a page read again changes nothing), measurements left out by reason, and how far the written Observations
 * reach. Counts only, never a value: a log line, a metric or an event built from it carries no personal data.
 */
public record SyncProgress(
        int pages,
        Map<DataType, Integer> written,
        int changed,
        Map<Implausibility, Integer> leftOut,
        Optional<Instant> reach) {

    public SyncProgress {
        written = Collections.unmodifiableMap(copy(written, DataType.class));
        leftOut = Collections.unmodifiableMap(copy(leftOut, Implausibility.class));
        Objects.requireNonNull(reach, "reach");
    }

    /** Nothing read yet. */
    public static SyncProgress none() {
        return new SyncProgress(0, Map.of(), 0, Map.of(), Optional.empty());
    }

    /** One more page, mapped and written; the store took {@code changed} of its Observations as new or changed. */
    public SyncProgress plus(MappedPage page, int changed) {
        EnumMap<DataType, Integer> byType = copy(written, DataType.class);
        page.observations().forEach(draft -> byType.merge(draft.type(), 1, Integer::sum));
        EnumMap<Implausibility, Integer> byReason = copy(leftOut, Implausibility.class);
        page.leftOut().forEach((reason, count) -> byReason.merge(reason, count, Integer::sum));
        return new SyncProgress(pages + 1, byType, this.changed + changed, byReason, later(reach, page.reach()));
    }

    public int writtenCount() {
        return written.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int leftOutCount() {
        return leftOut.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The sync point once every page was read: the later of the one before and what this sync reached. It never moves
     * back: a look-back that found nothing new leaves it where it was.
     */
    public Optional<Instant> reachAfter(Optional<Instant> before) {
        return later(before, reach);
    }

    private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.filter(instant -> instant.isAfter(a.get())).or(() -> a);
    }

    private static <K extends Enum<K>> EnumMap<K, Integer> copy(Map<K, Integer> counts, Class<K> type) {
        EnumMap<K, Integer> copy = new EnumMap<>(type);
        copy.putAll(counts);
        return copy;
    }
}
