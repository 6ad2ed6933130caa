package health.wearables.domain.sync;

import health.wearables.domain.Hashing;
import health.wearables.domain.SyncJob;
import java.util.Objects;

/**
 * The name of a queued sync job, as the platform gets it back from an on-demand sync: derived from the job itself
 * (its connection and the instant it was asked for, to the clock's precision: microseconds), so the queue stores nothing more and a worker names the job it
 * runs the same way. A hash, so it says nothing about the patient.
 */
public record JobId(String value) {

    public JobId {
        Objects.requireNonNull(value, "value");
    }

    public static JobId of(SyncJob job) {
        return new JobId(Hashing.sha256Hex(job.key().canonical() + "@" + job.requestedAt())
                .substring(0, 32));
    }
}
