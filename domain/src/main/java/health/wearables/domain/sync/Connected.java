package health.wearables.domain.sync;

import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.refresh.Freshness;
import health.wearables.domain.refresh.Renewal;
import health.wearables.domain.sync.SyncResult.Deferred;
import health.wearables.domain.sync.SyncResult.Skipped;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/** State 2 of a sync job: an active connection of a readable provider, and the credentials it will read with. */
public record Connected(ConfiguredProvider provider, SealedCredentials credentials) {

    public Connected {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(credentials, "credentials");
    }

    public ConnectionKey key() {
        return credentials.key();
    }

    /** Whether the access token can be used now, or must be refreshed first. */
    public Freshness freshness(Duration margin, Instant now) {
        return Freshness.of(
                credentials.accessTokenExpiresAt(), credentials.refreshToken().isPresent(), margin, now);
    }

    /** Transition after a refresh before the first page: connected with the renewed credentials, or ended. */
    public SyncStep<Connected> renewed(Renewal renewal) {
        return afterRenewal(renewal, SyncProgress.none(), renewed -> new Connected(provider, renewed));
    }

    /** Transition to {@link Reading}: the window to read, from the connection's sync point and the time. */
    public Reading reading(SyncWindow window) {
        return new Reading(provider, credentials, window, SyncProgress.none(), false);
    }

    /**
     * Where a refresh leaves a job: renewed credentials go on to {@code usable}; a refused refresh token ends it as
     * {@code reauth_required}; a refresh to try again defers it; a connection that ended meanwhile is not synced.
     */
    static <T> SyncStep<T> afterRenewal(Renewal renewal, SyncProgress progress, Function<SealedCredentials, T> usable) {
        return renewal.fold(
                refreshed -> SyncStep.next(usable.apply(refreshed.credentials())),
                renewed -> SyncStep.next(usable.apply(renewed.credentials())),
                refused -> SyncStep.done(new SyncResult.ReauthRequired(refused.reason(), progress)),
                later -> SyncStep.done(
                        new Deferred(Deferred.Cause.REFRESH_DEFERRED, later.reason(), later.notBefore(), progress)),
                disconnected -> SyncStep.done(new Skipped(Skipped.Why.NOT_CONNECTED)));
    }
}
