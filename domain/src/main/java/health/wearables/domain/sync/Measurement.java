package health.wearables.domain.sync;

import java.util.Objects;

/**
 * One value a provider holds for the patient, read out of the provider's own JSON by its data client and not yet
 * judged: the kind, the value in the kind's unit, when it holds, and the provider's own name for the record
 * ({@code sourceId}), which stays the same when the provider serves the record again, revised or not.
 */
public record Measurement(DataType type, double value, Effective effective, String sourceId) {

    public Measurement {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(effective, "effective");
        Objects.requireNonNull(sourceId, "sourceId");
        if (sourceId.isBlank()) {
            throw new IllegalArgumentException("a measurement needs the provider's id of its record");
        }
    }
}
