package health.wearables.domain.sync;

import health.wearables.domain.ConnectionKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a provider's measurements into Observations for one connection, leaving out what no body can have (hostile
 * case 56). Pure: the measurements and the time are given.
 */
public final class ObservationMapping {
    /** Nothing a consumer wearable recorded is older than this. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** Devices' clocks drift: a value up to this far ahead of now is still taken. */
    public static final Duration CLOCK_ALLOWANCE = Duration.ofMinutes(5);

    private ObservationMapping() {}

    /** Why {@code measurement} cannot be written, or empty when it can. */
    public static Optional<Implausibility> judge(Measurement measurement, Instant now) {
        double value = measurement.value();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Optional.of(Implausibility.NOT_A_NUMBER);
        }
        if (!measurement.type().plausible(value)) {
            return Optional.of(Implausibility.OUT_OF_RANGE);
        }
        Effective effective = measurement.effective();
        boolean shapeFits = effective.fold(
                at -> measurement.type().timing() == DataType.Timing.POINT,
                between -> measurement.type().timing() == DataType.Timing.INTERVAL
                        && between.end().isAfter(between.start()));
        if (!shapeFits) {
            return Optional.of(Implausibility.MALFORMED_TIME);
        }
        if (effective.start().isBefore(EARLIEST)) {
            return Optional.of(Implausibility.TOO_OLD);
        }
        if (effective.end().isAfter(now.plus(CLOCK_ALLOWANCE))) {
            return Optional.of(Implausibility.IN_THE_FUTURE);
        }
        return Optional.empty();
    }

    /**
     * The page's Observations and what was left out. A record the provider serves twice in one page (some providers
     * repeat a record across a page boundary) is written once, with the value served last.
     */
    public static MappedPage map(ConnectionKey connection, List<Measurement> measurements, Instant now) {
        Map<String, ObservationDraft> byIdentifier = new LinkedHashMap<>();
        EnumMap<Implausibility, Integer> leftOut = new EnumMap<>(Implausibility.class);
        for (Measurement measurement : measurements) {
            Optional<Implausibility> implausible = judge(measurement, now);
            if (implausible.isPresent()) {
                leftOut.merge(implausible.get(), 1, Integer::sum);
                continue;
            }
            String identifier = ObservationDraft.identifierOf(connection, measurement.type(), measurement.sourceId());
            byIdentifier.put(
                    identifier,
                    new ObservationDraft(
                            connection, measurement.type(), measurement.value(), measurement.effective(), identifier));
        }
        return new MappedPage(new ArrayList<>(byIdentifier.values()), leftOut);
    }
}
