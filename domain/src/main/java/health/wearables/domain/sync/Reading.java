package health.wearables.domain.sync;

import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.refresh.Renewal;
import health.wearables.domain.sync.SyncResult.Deferred;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * State 3 of a sync job: reading the window page by page with these credentials; what was written so far is in
 * {@code progress}. Each kind of answer to a page has its transition. {@code refreshedOnce} is set once the provider
 * refused an access token and a refresh renewed it: a second refusal in the same job ends it.
 */
public record Reading(
        ConfiguredProvider provider,
        SealedCredentials credentials,
        SyncWindow window,
        SyncProgress progress,
        boolean refreshedOnce) {

    public Reading {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(progress, "progress");
    }

    public ConnectionKey key() {
        return credentials.key();
    }

    /** A page read, mapped and written in one transaction; the store took {@code changed} as new or changed. */
    public Reading written(MappedPage page, int changed) {
        return new Reading(provider, credentials, window, progress.plus(page, changed), refreshedOnce);
    }

    /** The last page is written: every page of the window was read. */
    public SyncResult allRead() {
        return new SyncResult.Completed(window, progress);
    }

    /** The provider refused the access token (hostile case 51): the first time, refresh and read the page again. */
    public Refusal refused() {
        return refreshedOnce ? new Refusal.Again(this) : new Refusal.First(this);
    }

    /**
     * The provider answered 429 (hostile case 52): nothing more is asked of it before its {@code Retry-After}, or,
     * without one, before {@code fallback} has passed.
     */
    public SyncResult rateLimited(Optional<Duration> retryAfter, Duration fallback, Instant now) {
        return new Deferred(
                Deferred.Cause.RATE_LIMITED,
                "the provider limits requests",
                now.plus(retryAfter.filter(wait -> !wait.isNegative()).orElse(fallback)),
                progress);
    }

    /** A page that is not what the provider documents: failed, and the sync point stays where it was. */
    public SyncResult unreadable(String reason) {
        return new SyncResult.Failed(reason, progress);
    }

    /** No answer, or a server error: tried again from the start of the window, not before {@code notBefore}. */
    public SyncResult unavailable(String reason, Instant notBefore) {
        return new Deferred(Deferred.Cause.PROVIDER_UNAVAILABLE, reason, notBefore, progress);
    }

    /** What a refused access token leads to: a refresh the first time, {@code reauth_required} the second. */
    public sealed interface Refusal {
        <R> R fold(Function<First, R> onFirst, Function<Again, R> onAgain);

        /** The first refusal in this job: refresh the credentials and read the same page again. */
        record First(Reading reading) implements Refusal {
            @Override
            public <R> R fold(Function<First, R> onFirst, Function<Again, R> onAgain) {
                return onFirst.apply(this);
            }

            /** Transition after the refresh: reading on with the renewed credentials, or ended. */
            public SyncStep<Reading> renewed(Renewal renewal) {
                return Connected.afterRenewal(
                        renewal,
                        reading.progress(),
                        renewed ->
                                new Reading(reading.provider(), renewed, reading.window(), reading.progress(), true));
            }
        }

        /** Refused again right after a refresh: the provider does not take this connection's tokens any more. */
        record Again(Reading reading) implements Refusal {
            @Override
            public <R> R fold(Function<First, R> onFirst, Function<Again, R> onAgain) {
                return onAgain.apply(this);
            }

            public SyncResult reauthRequired() {
                return new SyncResult.ReauthRequired(
                        "the provider refused a freshly refreshed access token", reading.progress());
            }
        }
    }
}
