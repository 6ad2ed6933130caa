package health.wearables.application.port.out;

import health.wearables.domain.ConnectionKey;
import java.time.Instant;
import java.util.Optional;

/**
 * How far each connection's data has been synced, kept with the connection so that it outlasts any queue: the next
 * sync starts from it (less a look-back), and the listing shows when the connection was last synced and how that went.
 *
 * <p>Every method throws {@link ConnectionStoreUnavailable} when the store cannot be reached.
 */
public interface SyncPoints {

    Optional<SyncPoint> find(ConnectionKey connection);

    /**
     * Records a finished sync: it reached {@code reach} (the latest instant any written Observation covers; unchanged
     * when the sync wrote nothing) and ended at {@code finishedAt} with {@code outcome}. A failed sync never moves
     * {@code reach}.
     */
    void record(ConnectionKey connection, SyncPoint point);

    /** What the last sync of a connection left. */
    record SyncPoint(Optional<Instant> reach, Instant finishedAt, Outcome outcome) {
        public SyncPoint {
            java.util.Objects.requireNonNull(reach, "reach");
            java.util.Objects.requireNonNull(finishedAt, "finishedAt");
            java.util.Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** How the last sync ended, as the listing's {@code syncStatus} shows it. */
    enum Outcome {
        OK,
        FAILED
    }
}
