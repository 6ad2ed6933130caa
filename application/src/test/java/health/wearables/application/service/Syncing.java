package health.wearables.application.service;

import health.wearables.application.port.out.InMemoryConnectionStore;
import health.wearables.application.port.out.InMemoryCredentialInbox;
import health.wearables.application.port.out.InMemoryLeases;
import health.wearables.application.port.out.InMemorySyncQueue;
import health.wearables.application.port.out.Pause;
import health.wearables.application.port.out.ReversibleTokenCipher;
import health.wearables.application.port.out.TokenCipher.TokenKind;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.ConnectionStatus;
import health.wearables.domain.Pkce;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.StoredConnection;
import health.wearables.domain.SyncJob;
import health.wearables.domain.sync.DataType;
import health.wearables.domain.sync.Effective;
import health.wearables.domain.sync.Measurement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The sync use cases wired to fakes: a connection store, credential inbox, leases and queue in memory, a rotating token
 * endpoint, a scripted data API (Oura and Withings have data clients, Strava none), Observations and sync points in
 * maps, a clock that only moves when told, and pauses that return at once unless a test says otherwise.
 */
final class Syncing {
    static final Instant NOW = Gateway.NOW;
    static final ConnectionKey AMARA_OURA = Gateway.key("acme", "amara", "oura");
    static final Duration MARGIN = Duration.ofMinutes(5);
    static final Duration RETRY = Duration.ofSeconds(60);
    static final Duration INTERVAL = Duration.ofHours(1);
    static final int PAUSES = 5;

    final MutableClock clock = new MutableClock(NOW);
    final health.wearables.application.port.out.InMemoryAuditTrail audits =
            new health.wearables.application.port.out.InMemoryAuditTrail();
    final health.wearables.application.port.out.InMemoryEventOutbox events =
            new health.wearables.application.port.out.InMemoryEventOutbox();
    final InMemoryConnectionStore connections = new InMemoryConnectionStore();
    final InMemoryCredentialInbox inbox = new InMemoryCredentialInbox(clock);
    final InMemoryLeases leases = new InMemoryLeases(clock);
    final InMemorySyncQueue queue = new InMemorySyncQueue();
    final ReversibleTokenCipher cipher = new ReversibleTokenCipher();
    final FakeConfiguredProviders providers = new FakeConfiguredProviders(
            Gateway.provider("oura", Pkce.S256),
            Gateway.provider("withings", Pkce.S256),
            Gateway.provider("strava", Pkce.NONE));
    final FakeProjectDirectory projects = new FakeProjectDirectory(
            Gateway.project("acme", Gateway.ACME_KEY, Gateway.DASHBOARD),
            Gateway.project("globex", Gateway.GLOBEX_KEY, "https://globex.example/"));
    final ScriptedTokenRefresh tokenEndpoint = new ScriptedTokenRefresh(clock, "refresh-0");
    final ScriptedProviderData data = new ScriptedProviderData("oura", "withings");
    final RecordingObservationStore observations = new RecordingObservationStore();
    final RecordingSyncPoints syncPoints = new RecordingSyncPoints();
    final List<Duration> paused = new CopyOnWriteArrayList<>();
    private volatile Pause pauseAs = duration -> {};
    private final Pause pause = duration -> {
        paused.add(duration);
        pauseAs.pause(duration);
    };

    final RefreshCredentialsService refresh;
    final SyncConnectionService sync;
    final RequestSyncService request = new RequestSyncService(projects, connections, queue, clock, audits);
    final ScheduleSyncsService schedule =
            new ScheduleSyncsService(connections, connections, providers, data, queue, leases, INTERVAL, clock);
    final RecoverPendingWorkService recovery = new RecoverPendingWorkService(
            inbox,
            connections,
            connections,
            connections,
            queue,
            leases,
            Gateway.LEASE,
            100,
            clock,
            Events.into(events));

    Syncing() {
        this(PAUSES);
    }

    /** With this many pauses of 100 ms before a refresh waiting for another holder's is given back. */
    Syncing(int pauses) {
        refresh = new RefreshCredentialsService(
                connections,
                inbox,
                leases,
                pause,
                providers,
                cipher,
                tokenEndpoint,
                connections,
                new RefreshSettings(Duration.ofSeconds(60), Duration.ofMillis(100), pauses, RETRY, Gateway.INBOX_TTL),
                clock,
                Events.into(events),
                audits);
        sync = new SyncConnectionService(
                providers,
                data,
                connections,
                connections,
                syncPoints,
                observations,
                refresh,
                connections,
                cipher,
                new SyncSettings(MARGIN, Duration.ofDays(30), Duration.ofDays(2), Map.of(), RETRY),
                clock,
                Events.into(events));
    }

    /** Waits as told instead of returning at once. */
    void pauseAs(Pause pause) {
        this.pauseAs = pause;
    }

    /**
     * Stores the connection as a callback (or a refresh) at {@code issuedAt} would have: access token {@code access},
     * refresh token {@code refresh} (none if null), the access token expiring at {@code expiresAt}.
     */
    SealedCredentials connected(ConnectionKey key, String access, String refresh, Instant expiresAt, Instant issuedAt) {
        SealedCredentials credentials = sealed(key, access, refresh, expiresAt, issuedAt);
        connections.save(credentials);
        return credentials;
    }

    SealedCredentials sealed(ConnectionKey key, String access, String refresh, Instant expiresAt, Instant issuedAt) {
        return new SealedCredentials(
                key,
                cipher.seal(key, TokenKind.ACCESS, access),
                Optional.ofNullable(refresh).map(token -> cipher.seal(key, TokenKind.REFRESH, token)),
                Optional.empty(),
                Optional.of(expiresAt),
                List.of("daily", "heartrate"),
                Optional.of("oura-user-1"),
                issuedAt);
    }

    /** Amara's Oura connection, issued 50 minutes ago with refresh token {@code refresh-0}, expiring in 10. */
    SealedCredentials amaraConnected() {
        return connected(
                AMARA_OURA,
                "access-0",
                "refresh-0",
                NOW.plus(Duration.ofMinutes(10)),
                NOW.minus(Duration.ofMinutes(50)));
    }

    /** Amara's Oura connection, its access token expiring within the refresh margin. */
    SealedCredentials amaraExpiring() {
        return connected(
                AMARA_OURA,
                "access-0",
                "refresh-0",
                NOW.plus(Duration.ofMinutes(2)),
                NOW.minus(Duration.ofMinutes(58)));
    }

    SealedCredentials stored(ConnectionKey key) {
        return connections.find(key).orElseThrow();
    }

    String storedAccess(ConnectionKey key) {
        return cipher.open(key, TokenKind.ACCESS, stored(key).accessToken());
    }

    String storedRefresh(ConnectionKey key) {
        return cipher.open(key, TokenKind.REFRESH, stored(key).refreshToken().orElseThrow());
    }

    String accessOf(SealedCredentials credentials) {
        return cipher.open(credentials.key(), TokenKind.ACCESS, credentials.accessToken());
    }

    ConnectionStatus status(ConnectionKey key) {
        return connections.list(key.project(), Optional.of(key.patient())).stream()
                .filter(connection -> connection.key().equals(key))
                .map(StoredConnection::status)
                .findFirst()
                .orElseThrow();
    }

    SyncJob jobFor(ConnectionKey key) {
        return new SyncJob(key, "1", clock.instant());
    }

    /** A day of steps, {@code daysAgo} days before now, with the provider's record id {@code day-<daysAgo>}. */
    static Measurement steps(int daysAgo, double value) {
        Instant start = NOW.minus(Duration.ofDays(daysAgo));
        return new Measurement(
                DataType.DAILY_STEPS,
                value,
                Effective.between(start, start.plus(Duration.ofDays(1))),
                "day-" + daysAgo);
    }

    /** A resting heart rate, {@code hoursAgo} hours before now. */
    static Measurement restingHeartRate(int hoursAgo, double value) {
        return new Measurement(
                DataType.RESTING_HEART_RATE,
                value,
                Effective.at(NOW.minus(Duration.ofHours(hoursAgo))),
                "rhr-" + hoursAgo);
    }
}
