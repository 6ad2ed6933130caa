package health.wearables.application.port.in;

import health.wearables.domain.ApiKey;
import health.wearables.domain.ConnectionStatus;
import health.wearables.domain.Step;
import health.wearables.domain.sync.JobId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A platform asks for a patient's connection to be synced now ({@code POST
 * /v1/wearables/{provider}/connections/{patientId}/sync}): the project's own connection, if it is active, gets a sync
 * job on the queue. A missing API key is a rejection; whether the connection exists and is active is the answer.
 * {@link Unavailable.ConnectionStore} goes up when the connection store cannot be read, {@link Unavailable.SyncQueue}
 * when the queue cannot take the job.
 */
@FunctionalInterface
public interface RequestSync {

    Step<Requested> request(Optional<ApiKey> apiKey, String provider, String patientId);

    /** What asking for a sync came to. */
    sealed interface Requested {
        <R> R fold(
                Function<Queued, R> onQueued,
                Function<ConnectionNotFound, R> onNotFound,
                Function<ConnectionNotActive, R> onNotActive);
    }

    /** The job is on the queue, by this name. */
    record Queued(JobId jobId) implements Requested {
        public Queued {
            Objects.requireNonNull(jobId, "jobId");
        }

        @Override
        public <R> R fold(
                Function<Queued, R> onQueued,
                Function<ConnectionNotFound, R> onNotFound,
                Function<ConnectionNotActive, R> onNotActive) {
            return onQueued.apply(this);
        }
    }

    /** The project has no stored connection of this patient to this provider ({@code CONNECTION_NOT_FOUND}). */
    record ConnectionNotFound() implements Requested {
        @Override
        public <R> R fold(
                Function<Queued, R> onQueued,
                Function<ConnectionNotFound, R> onNotFound,
                Function<ConnectionNotActive, R> onNotActive) {
            return onNotFound.apply(this);
        }
    }

    /** The connection is revoked, {@code reauth_required} or in error ({@code CONNECTION_NOT_ACTIVE}). */
    record ConnectionNotActive(ConnectionStatus status) implements Requested {
        @Override
        public <R> R fold(
                Function<Queued, R> onQueued,
                Function<ConnectionNotFound, R> onNotFound,
                Function<ConnectionNotActive, R> onNotActive) {
            return onNotActive.apply(this);
        }
    }
}
