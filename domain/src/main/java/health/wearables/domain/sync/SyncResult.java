package health.wearables.domain.sync;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * How one sync job ended, for the worker (acknowledge, or put the job back until {@code notBefore}), the metrics of
 * sync jobs by outcome, and the platform's events ({@code sync.completed}, {@code sync.failed},
 * {@code connection.reauth_required}). Reasons are ours, never what a provider sent.
 */
public sealed interface SyncResult {

    <R> R fold(
            Function<Completed, R> onCompleted,
            Function<Deferred, R> onDeferred,
            Function<Failed, R> onFailed,
            Function<ReauthRequired, R> onReauthRequired,
            Function<Skipped, R> onSkipped);

    /** Every page of the window read and written; the sync point advanced. */
    record Completed(SyncWindow window, SyncProgress progress) implements SyncResult {
        public Completed {
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(progress, "progress");
        }

        @Override
        public <R> R fold(
                Function<Completed, R> onCompleted,
                Function<Deferred, R> onDeferred,
                Function<Failed, R> onFailed,
                Function<ReauthRequired, R> onReauthRequired,
                Function<Skipped, R> onSkipped) {
            return onCompleted.apply(this);
        }
    }

    /**
     * Stopped by something that passes: the job is not lost, and runs again, not before {@code notBefore}. Pages
     * already written stay (writing is idempotent); the sync point does not move, so the next run reads them again.
     */
    record Deferred(Cause cause, String reason, Instant notBefore, SyncProgress progress) implements SyncResult {
        public Deferred {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(notBefore, "notBefore");
            Objects.requireNonNull(progress, "progress");
        }

        @Override
        public <R> R fold(
                Function<Completed, R> onCompleted,
                Function<Deferred, R> onDeferred,
                Function<Failed, R> onFailed,
                Function<ReauthRequired, R> onReauthRequired,
                Function<Skipped, R> onSkipped) {
            return onDeferred.apply(this);
        }

        /** What stopped the job. */
        public enum Cause {
            /** The provider answered 429: nothing is asked of it before its {@code Retry-After}. */
            RATE_LIMITED,
            /** The provider did not answer, or failed (5xx, timeout). */
            PROVIDER_UNAVAILABLE,
            /** The access token needed refreshing and the refresh must be tried again later. */
            REFRESH_DEFERRED,
            /** The connection store (or the Observations' store) could not be reached. */
            STORE_UNAVAILABLE
        }
    }

    /**
     * The provider answered something that is not what it documents (hostile case 53): the sync failed, and its sync
     * point does not advance. Pages already written stay.
     */
    record Failed(String reason, SyncProgress progress) implements SyncResult {
        @Override
        public <R> R fold(
                Function<Completed, R> onCompleted,
                Function<Deferred, R> onDeferred,
                Function<Failed, R> onFailed,
                Function<ReauthRequired, R> onReauthRequired,
                Function<Skipped, R> onSkipped) {
            return onFailed.apply(this);
        }
    }

    /**
     * The provider refused the refresh token, or refused the access token again right after a refresh: the connection
     * is {@code reauth_required} and is not synced until the patient connects again.
     */
    record ReauthRequired(String reason, SyncProgress progress) implements SyncResult {
        @Override
        public <R> R fold(
                Function<Completed, R> onCompleted,
                Function<Deferred, R> onDeferred,
                Function<Failed, R> onFailed,
                Function<ReauthRequired, R> onReauthRequired,
                Function<Skipped, R> onSkipped) {
            return onReauthRequired.apply(this);
        }
    }

    /** Not synced at all: nothing was read from the provider. */
    record Skipped(Why why) implements SyncResult {
        public Skipped {
            Objects.requireNonNull(why, "why");
        }

        @Override
        public <R> R fold(
                Function<Completed, R> onCompleted,
                Function<Deferred, R> onDeferred,
                Function<Failed, R> onFailed,
                Function<ReauthRequired, R> onReauthRequired,
                Function<Skipped, R> onSkipped) {
            return onSkipped.apply(this);
        }

        /** Why a job synced nothing. */
        public enum Why {
            /** No connection (or no credentials) is stored for the job's patient and provider. */
            NOT_CONNECTED,
            /** The connection is revoked, {@code reauth_required} or in error. */
            NOT_ACTIVE,
            /** The provider is not configured any more, or the gateway has no data client for it. */
            NOT_READABLE
        }
    }
}
