package health.wearables.application.service;

import health.wearables.application.port.in.RefreshCredentials;
import health.wearables.application.port.in.SyncConnection;
import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.application.port.out.ConnectionEnded;
import health.wearables.application.port.out.ConnectionStore;
import health.wearables.application.port.out.ConnectionStoreUnavailable;
import health.wearables.application.port.out.ObservationStore;
import health.wearables.application.port.out.ProviderData;
import health.wearables.application.port.out.ProviderData.Cursor;
import health.wearables.application.port.out.ProviderData.DataRequest;
import health.wearables.application.port.out.ReauthMarks;
import health.wearables.application.port.out.StoredCredentials;
import health.wearables.application.port.out.SyncPoints;
import health.wearables.application.port.out.SyncPoints.SyncPoint;
import health.wearables.application.port.out.TokenCipher;
import health.wearables.application.port.out.TokenCipher.TokenKind;
import health.wearables.domain.AccessToken;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.StoredConnection;
import health.wearables.domain.SyncJob;
import health.wearables.domain.events.PlatformEvent;
import health.wearables.domain.sync.Connected;
import health.wearables.domain.sync.MappedPage;
import health.wearables.domain.sync.ObservationMapping;
import health.wearables.domain.sync.Reading;
import health.wearables.domain.sync.SyncProgress;
import health.wearables.domain.sync.SyncResult;
import health.wearables.domain.sync.SyncStep;
import health.wearables.domain.sync.SyncTaken;
import health.wearables.domain.sync.SyncWindow;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * One sync job as an arrow chain: taken → credentials usable (or refreshed first) → the window from the sync point →
 * pages read, mapped and written, one transaction a page → the sync point advanced → answered.
 *
 * <p>A refused access token is refreshed once and its page read again; refused a second time, the connection is
 * {@code reauth_required}. A 429 stops the job until the provider's {@code Retry-After}; a provider or store that
 * fails defers it; an unreadable page fails it. Only a job that read every page advances the sync point, to the latest
 * instant its Observations reach (never back); a failed one records the failure and leaves the point where it was.
 * Pages written before a stop stay: writing is idempotent, and the next run reads them again.
 */
public final class SyncConnectionService implements SyncConnection {
    private static final System.Logger LOG = System.getLogger(SyncConnectionService.class.getName());

    private final ReadableProviders readable;
    private final ProviderData data;
    private final ConnectionStore connections;
    private final StoredCredentials credentials;
    private final SyncPoints syncPoints;
    private final ObservationStore observations;
    private final RefreshCredentials refresh;
    private final ReauthMarks reauthMarks;
    private final TokenCipher cipher;
    private final SyncSettings settings;
    private final Clock clock;
    private final Reporting reporting;

    public SyncConnectionService(
            ConfiguredProviders providers,
            ProviderData data,
            ConnectionStore connections,
            StoredCredentials credentials,
            SyncPoints syncPoints,
            ObservationStore observations,
            RefreshCredentials refresh,
            ReauthMarks reauthMarks,
            TokenCipher cipher,
            SyncSettings settings,
            Clock clock,
            Reporting reporting) {
        this.reporting = reporting;
        this.readable = new ReadableProviders(providers, data);
        this.data = data;
        this.connections = connections;
        this.credentials = credentials;
        this.syncPoints = syncPoints;
        this.observations = observations;
        this.refresh = refresh;
        this.reauthMarks = reauthMarks;
        this.cipher = cipher;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public SyncResult sync(SyncJob job, Runnable beforeEachPage) {
        ConnectionKey key = job.key();
        try {
            SyncStep<SyncTaken.ReadableJob> taken = new SyncTaken(job).readable(readable.find(key.provider())); // taken
            if (taken.ended().isPresent()) {
                return logged(key, taken.ended().get()); // nothing to read: the store is not asked
            }
            Optional<Instant> reached = syncPoints.find(key).flatMap(SyncPoint::reach);
            SyncResult result = taken.then(readable -> readable.connected(connection(key), credentials.find(key)))
                    .then(this::usable) // credentials usable, or refreshed first
                    .then(connected -> SyncStep.next(connected.reading(window(key, reached)))) // the window
                    .answer(first -> readPages(first, beforeEachPage)); // pages read → mapped → written
            return recorded(key, reached, result); // sync point advanced → answered
        } catch (ConnectionEnded e) {
            // Disconnected, deauthorized or retired while its pages were read: the page that found it out wrote
            // nothing, and nothing more is read (hostile case 57).
            return logged(key, new SyncResult.Skipped(SyncResult.Skipped.Why.NOT_ACTIVE));
        } catch (ConnectionStoreUnavailable e) {
            return logged(
                    key,
                    new SyncResult.Deferred(
                            SyncResult.Deferred.Cause.STORE_UNAVAILABLE,
                            e.getMessage(),
                            clock.instant().plus(settings.retryAfter()),
                            SyncProgress.none()));
        }
    }

    private Optional<StoredConnection> connection(ConnectionKey key) {
        return connections.list(key.project(), Optional.of(key.patient())).stream()
                .filter(connection -> connection.key().equals(key))
                .findFirst();
    }

    private SyncStep<Connected> usable(Connected connected) {
        return connected
                .freshness(settings.refreshMargin(), clock.instant())
                .fold(
                        () -> SyncStep.next(connected),
                        due -> connected.renewed(refresh.refresh(connected.credentials())),
                        expiring -> SyncStep.next(connected));
    }

    private SyncWindow window(ConnectionKey key, Optional<Instant> reached) {
        return SyncWindow.of(
                reached, settings.backfill(), settings.lookback(), settings.historyOf(key.provider()), clock.instant());
    }

    /** Where the walk over the pages stands: the state, and the page to read next (empty: the first). */
    private record Walk(Reading reading, Optional<Cursor> at) {}

    private SyncResult readPages(Reading first, Runnable beforeEachPage) {
        return SyncStep.next(new Walk(first, Optional.empty())).repeat(walk -> {
            beforeEachPage.run();
            return readPage(walk);
        });
    }

    private SyncStep<Walk> readPage(Walk walk) {
        Reading reading = walk.reading();
        return data.read(request(reading), walk.at())
                .fold(
                        page -> written(reading, page),
                        unauthorized -> reading.refused()
                                .fold(
                                        first -> first.renewed(refresh.refresh(reading.credentials()))
                                                .then(renewed -> SyncStep.next(new Walk(renewed, walk.at()))),
                                        again -> SyncStep.done(reauthRequired(again))),
                        limited -> SyncStep.done(
                                reading.rateLimited(limited.retryAfter(), settings.retryAfter(), clock.instant())),
                        unreadable -> SyncStep.done(reading.unreadable(unreadable.reason())),
                        down -> SyncStep.done(reading.unavailable(
                                down.reason(), clock.instant().plus(settings.retryAfter()))));
    }

    /** Mapped and written in one transaction; on to the next page, or all read. */
    private SyncStep<Walk> written(Reading reading, ProviderData.Page page) {
        MappedPage mapped = ObservationMapping.map(reading.key(), page.measurements(), clock.instant());
        int changed = mapped.observations().isEmpty() ? 0 : observations.write(reading.key(), mapped.observations());
        Reading after = reading.written(mapped, changed);
        return page.next()
                .<SyncStep<Walk>>map(next -> SyncStep.next(new Walk(after, Optional.of(next))))
                .orElseGet(() -> SyncStep.done(after.allRead()));
    }

    private DataRequest request(Reading reading) {
        ConnectionKey key = reading.key();
        return new DataRequest(
                key.provider(),
                reading.provider().endpoints().apiBase(),
                new AccessToken(
                        cipher.open(key, TokenKind.ACCESS, reading.credentials().accessToken())),
                reading.credentials().providerUserId(),
                reading.window());
    }

    /**
     * Refused again right after a refresh: {@code reauth_required}, unless the stored credentials changed meanwhile
     * (a reconnect), when the job is tried again with those.
     */
    private SyncResult reauthRequired(Reading.Refusal.Again again) {
        ConnectionKey key = again.reading().key();
        if (reporting.step(
                () -> reauthMarks.markReauthRequired(again.reading().credentials()),
                (marked, id) -> marked
                        ? Optional.of(PlatformEvent.reauthRequired(id, key, clock.instant()))
                        : Optional.<PlatformEvent>empty())) {
            return again.reauthRequired();
        }
        return new SyncResult.Deferred(
                SyncResult.Deferred.Cause.REFRESH_DEFERRED,
                "the credentials changed meanwhile",
                clock.instant(),
                again.reading().progress());
    }

    /** A finished job moves the sync point (a failed one only records the failure); a deferred one comes back. */
    private SyncResult recorded(ConnectionKey key, Optional<Instant> reached, SyncResult result) {
        Instant now = clock.instant();
        result.fold(
                        completed -> Optional.of(
                                new SyncPoint(completed.progress().reachAfter(reached), now, SyncPoints.Outcome.OK)),
                        deferred -> Optional.<SyncPoint>empty(),
                        failed -> Optional.of(new SyncPoint(reached, now, SyncPoints.Outcome.FAILED)),
                        reauth -> Optional.of(new SyncPoint(reached, now, SyncPoints.Outcome.FAILED)),
                        skipped -> Optional.<SyncPoint>empty())
                .ifPresent(point -> reporting.step(
                        () -> {
                            syncPoints.record(key, point);
                            return point;
                        },
                        (recorded, id) -> result.fold(
                                completed -> Optional.of(PlatformEvent.syncCompleted(
                                        id, key, completed.window(), completed.progress(), now)),
                                deferred -> Optional.<PlatformEvent>empty(),
                                failed -> Optional.of(PlatformEvent.syncFailed(id, key, failed.reason(), now)),
                                reauth -> Optional.<PlatformEvent>empty(),
                                skipped -> Optional.<PlatformEvent>empty())));
        return logged(key, result);
    }

    /** Counts and our own reasons only: never a value, a token or what a provider sent. */
    private static SyncResult logged(ConnectionKey key, SyncResult result) {
        String summary = result.fold(
                completed -> "completed: " + counts(completed.progress()),
                deferred -> "deferred until " + deferred.notBefore() + " (" + deferred.cause() + "): "
                        + counts(deferred.progress()),
                failed -> "failed (" + failed.reason() + "): " + counts(failed.progress()),
                reauth -> "reauth_required: " + counts(reauth.progress()),
                skipped -> "skipped (" + skipped.why() + ")");
        LOG.log(Level.INFO, "sync of project={0} provider={1} {2}", key.project(), key.provider(), summary);
        return result;
    }

    private static String counts(SyncProgress progress) {
        return "pages=" + progress.pages() + " written=" + progress.written() + " changed=" + progress.changed()
                + " leftOut=" + progress.leftOut();
    }
}
