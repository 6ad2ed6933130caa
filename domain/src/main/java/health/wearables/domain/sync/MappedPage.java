package health.wearables.domain.sync;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of a provider's data, judged and mapped: the Observations to write, how many measurements of each kind
 * were left out and why (no values, so a log line about them carries no personal data), and how far the page reaches
 * in time.
 */
public record MappedPage(List<ObservationDraft> observations, Map<Implausibility, Integer> leftOut) {

    public MappedPage {
        observations = List.copyOf(observations);
        EnumMap<Implausibility, Integer> copy = new EnumMap<>(Implausibility.class);
        copy.putAll(leftOut);
        leftOut = java.util.Collections.unmodifiableMap(copy);
    }

    public int leftOutCount() {
        return leftOut.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The latest instant any written Observation reaches; empty when nothing is written. */
    public Optional<Instant> reach() {
        return observations.stream().map(draft -> draft.effective().end()).max(Instant::compareTo);
    }
}
