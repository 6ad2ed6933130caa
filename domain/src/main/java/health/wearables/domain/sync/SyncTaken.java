package health.wearables.domain.sync;

import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.ConnectionStatus;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.StoredConnection;
import health.wearables.domain.SyncJob;
import health.wearables.domain.sync.SyncResult.Skipped;
import java.util.Objects;
import java.util.Optional;

/**
 * State 1 of a sync job: taken from the queue. The life of a job, each state a record and each transition pure:
 * taken → {@link ReadableJob} (a data client reads its provider) → {@link Connected} (credentials usable, or refreshed
 * first) → {@link Reading} (the window, page by page: read, mapped, written) → {@link SyncResult} (the sync point
 * advanced, or not, and the answer).
 */
public record SyncTaken(SyncJob job) {

    public SyncTaken {
        Objects.requireNonNull(job, "job");
    }

    /**
     * Transition to {@link ReadableJob}, given the job's provider (present only when it is configured and a data client
     * reads it); or the answer that nothing is synced. Asked first, since it costs nothing to know: a provider no data
     * client reads has nothing to sync, whatever its connection, and the connection need not be read from the store.
     */
    public SyncStep<ReadableJob> readable(Optional<ConfiguredProvider> readableProvider) {
        return readableProvider
                .<SyncStep<ReadableJob>>map(provider -> SyncStep.next(new ReadableJob(job, provider)))
                .orElseGet(() -> SyncStep.done(new Skipped(Skipped.Why.NOT_READABLE)));
    }

    /** State 2: a job of a provider a data client reads. */
    public record ReadableJob(SyncJob job, ConfiguredProvider provider) {

        public ReadableJob {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(provider, "provider");
        }

        /**
         * Transition to {@link Connected}, given the stored connection and its credentials; or the answer that nothing
         * is synced, since only an active connection is read.
         */
        public SyncStep<Connected> connected(
                Optional<StoredConnection> connection, Optional<SealedCredentials> credentials) {
            if (connection.isEmpty()) {
                return SyncStep.done(new Skipped(Skipped.Why.NOT_CONNECTED));
            }
            if (connection.get().status() != ConnectionStatus.ACTIVE) {
                return SyncStep.done(new Skipped(Skipped.Why.NOT_ACTIVE));
            }
            if (credentials.isEmpty()) {
                return SyncStep.done(new Skipped(Skipped.Why.NOT_CONNECTED));
            }
            return SyncStep.next(new Connected(provider, credentials.get()));
        }
    }
}
