package health.wearables.adapters.rest.app;

import health.wearables.adapters.rest.in.api.CallbackResource;
import health.wearables.adapters.rest.in.api.ConnectPageResource;
import health.wearables.application.port.in.AuthenticateProject;
import health.wearables.application.port.in.ChooseProvider;
import health.wearables.application.port.in.CompleteCallback;
import health.wearables.application.port.in.KeepCredentialsAlive;
import health.wearables.application.port.in.ListConnections;
import health.wearables.application.port.in.ListProviders;
import health.wearables.application.port.in.OpenConnectSession;
import health.wearables.application.port.in.RecoverPendingWork;
import health.wearables.application.port.in.ReencryptConnections;
import health.wearables.application.port.in.RefreshCredentials;
import health.wearables.application.port.in.RequestSync;
import health.wearables.application.port.in.ScheduleSyncs;
import health.wearables.application.port.in.ShowConnectPage;
import health.wearables.application.port.in.StartConnection;
import health.wearables.application.port.in.SyncConnection;
import health.wearables.application.port.in.WorkSyncQueue;
import health.wearables.application.port.out.AuditTrail;
import health.wearables.application.port.out.AuthorizationUrls;
import health.wearables.application.port.out.BuiltInProviders;
import health.wearables.application.port.out.CallbackUris;
import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.application.port.out.ConnectSessions;
import health.wearables.application.port.out.ConnectionStore;
import health.wearables.application.port.out.CredentialInbox;
import health.wearables.application.port.out.HeldEvents;
import health.wearables.application.port.out.Leases;
import health.wearables.application.port.out.Oauth1Provider;
import health.wearables.application.port.out.ObservationStore;
import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.application.port.out.ProviderData;
import health.wearables.application.port.out.ReauthMarks;
import health.wearables.application.port.out.Retirements;
import health.wearables.application.port.out.StateStore;
import health.wearables.application.port.out.StoredCredentials;
import health.wearables.application.port.out.SyncJobs;
import health.wearables.application.port.out.SyncMarks;
import health.wearables.application.port.out.SyncPoints;
import health.wearables.application.port.out.SyncQueue;
import health.wearables.application.port.out.TokenCipher;
import health.wearables.application.port.out.TokenExchange;
import health.wearables.application.port.out.TokenRefresh;
import health.wearables.application.service.AuthenticateProjectService;
import health.wearables.application.service.CompleteCallbackService;
import health.wearables.application.service.ConnectPageService;
import health.wearables.application.service.CredentialKeeping;
import health.wearables.application.service.GrantRedemption;
import health.wearables.application.service.InitialSync;
import health.wearables.application.service.KeepCredentialsAliveService;
import health.wearables.application.service.ListConnectionsService;
import health.wearables.application.service.ListProvidersService;
import health.wearables.application.service.OpenConnectSessionService;
import health.wearables.application.service.RecoverPendingWorkService;
import health.wearables.application.service.ReencryptConnectionsService;
import health.wearables.application.service.RefreshCredentialsService;
import health.wearables.application.service.RefreshSettings;
import health.wearables.application.service.Reporting;
import health.wearables.application.service.RequestSyncService;
import health.wearables.application.service.ScheduleSyncsService;
import health.wearables.application.service.StartConnectionService;
import health.wearables.application.service.SyncConnectionService;
import health.wearables.application.service.SyncSettings;
import health.wearables.application.service.WorkSettings;
import health.wearables.application.service.WorkSyncQueueService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The use cases, built from the ports the adapter modules produce. Time and randomness are chosen here, once. */
@ApplicationScoped
public class UseCaseProducer {
    /**
     * A recovery pass holds its lease again before each entry it writes and each sync it queues, so this need only
     * outlast one of those (a FHIR write's statement timeout is 10 s); a gateway instance that dies during a pass holds
     * the others back no longer than this.
     */
    static final Duration RECOVERY_LEASE = Duration.ofSeconds(20);
    /** Inbox entries, and recorded syncs, per recovery pass. */
    static final int RECOVERY_BATCH = 100;

    static final String PUBLIC_BASE_URL = "wearables.public-base-url";
    /** The one place each default is written; API.md and the README give the same values. */
    static final String DEFAULT_PUBLIC_BASE_URL = "http://localhost:9080";

    static final String STATE_TTL = "wearables.state.ttl";
    static final String DEFAULT_STATE_TTL_SECONDS = "600";
    static final String INBOX_TTL = "wearables.inbox.ttl";
    /** How long credentials the FHIR store could not take wait in the inbox for a retry: 7 days. */
    static final String DEFAULT_INBOX_TTL_SECONDS = "604800";

    @Inject
    @ConfigProperty(name = PUBLIC_BASE_URL, defaultValue = DEFAULT_PUBLIC_BASE_URL)
    String publicBaseUrl;

    @Inject
    @ConfigProperty(name = STATE_TTL, defaultValue = DEFAULT_STATE_TTL_SECONDS)
    long stateTtlSeconds;

    @Inject
    @ConfigProperty(name = INBOX_TTL, defaultValue = DEFAULT_INBOX_TTL_SECONDS)
    long inboxTtlSeconds;

    static final String SYNC_INTERVAL = "wearables.sync.interval";
    static final String DEFAULT_SYNC_INTERVAL_SECONDS = "3600";
    static final String SYNC_BACKFILL_DAYS = "wearables.sync.backfill-days";
    static final String DEFAULT_SYNC_BACKFILL_DAYS = "30";
    static final String SYNC_LOOKBACK = "wearables.sync.lookback";
    static final String DEFAULT_SYNC_LOOKBACK_SECONDS = "172800";
    static final String SYNC_VISIBILITY = "wearables.sync.visibility";
    static final String DEFAULT_SYNC_VISIBILITY_SECONDS = "300";
    static final String SYNC_MAX_ATTEMPTS = "wearables.sync.max-attempts";
    static final String DEFAULT_SYNC_MAX_ATTEMPTS = "8";
    static final String REFRESH_MARGIN = "wearables.refresh.margin";
    static final String DEFAULT_REFRESH_MARGIN_SECONDS = "300";

    @Inject
    @ConfigProperty(name = SYNC_INTERVAL, defaultValue = DEFAULT_SYNC_INTERVAL_SECONDS)
    long syncIntervalSeconds;

    @Inject
    @ConfigProperty(name = SYNC_BACKFILL_DAYS, defaultValue = DEFAULT_SYNC_BACKFILL_DAYS)
    long syncBackfillDays;

    @Inject
    @ConfigProperty(name = SYNC_LOOKBACK, defaultValue = DEFAULT_SYNC_LOOKBACK_SECONDS)
    long syncLookbackSeconds;

    @Inject
    @ConfigProperty(name = SYNC_VISIBILITY, defaultValue = DEFAULT_SYNC_VISIBILITY_SECONDS)
    long syncVisibilitySeconds;

    @Inject
    @ConfigProperty(name = SYNC_MAX_ATTEMPTS, defaultValue = DEFAULT_SYNC_MAX_ATTEMPTS)
    int syncMaxAttempts;

    @Inject
    @ConfigProperty(name = REFRESH_MARGIN, defaultValue = DEFAULT_REFRESH_MARGIN_SECONDS)
    long refreshMarginSeconds;

    static final String REFRESH_KEEP_ALIVE = "wearables.refresh.keep-alive";
    static final String DEFAULT_REFRESH_KEEP_ALIVE_SECONDS = "86400";

    @Inject
    @ConfigProperty(name = REFRESH_KEEP_ALIVE, defaultValue = DEFAULT_REFRESH_KEEP_ALIVE_SECONDS)
    long refreshKeepAliveSeconds;

    private final Clock clock = Clock.systemUTC();

    /**
     * The base URL is the operator's, the route the HTTP API's. {@link CallbackResource#OVOK_PATH} is a compile-time
     * constant, copied into this class by the compiler: the wiring loads no class of the HTTP API.
     */
    private CallbackUris callbackUris() {
        return new PublicCallbackUris(URI.create(publicBaseUrl), CallbackResource.OVOK_PATH);
    }

    @Produces
    @ApplicationScoped
    AuthenticateProject authenticateProject(ProjectDirectory projects, AuditTrail audits) {
        return new AuthenticateProjectService(projects, clock, audits);
    }

    @Produces
    @ApplicationScoped
    StartConnection startConnection(
            ProjectDirectory projects,
            ConfiguredProviders providers,
            Retirements retirements,
            StateStore states,
            AuthorizationUrls authorizationUrls,
            Oauth1Provider oauth1,
            AuditTrail audits) {
        return startConnectionService(projects, providers, retirements, states, authorizationUrls, oauth1, audits);
    }

    private StartConnectionService startConnectionService(
            ProjectDirectory projects,
            ConfiguredProviders providers,
            Retirements retirements,
            StateStore states,
            AuthorizationUrls authorizationUrls,
            Oauth1Provider oauth1,
            AuditTrail audits) {
        if (stateTtlSeconds < 1 || stateTtlSeconds > 3600) {
            throw new IllegalStateException("wearables.state.ttl must be between 1 and 3600 seconds");
        }
        return new StartConnectionService(
                projects,
                providers,
                retirements,
                states,
                authorizationUrls,
                oauth1,
                callbackUris(),
                Duration.ofSeconds(stateTtlSeconds),
                clock,
                new SecureRandom(),
                audits);
    }

    /**
     * Connect links: the base URL is the operator's, the page's route the HTTP API's (a compile-time constant, as the
     * callback's).
     */
    @Produces
    @ApplicationScoped
    OpenConnectSession openConnectSession(
            ProjectDirectory projects,
            ConfiguredProviders providers,
            Retirements retirements,
            ConnectSessions sessions,
            AuditTrail audits) {
        return new OpenConnectSessionService(
                projects,
                providers,
                retirements,
                sessions,
                new PublicConnectPageUris(URI.create(publicBaseUrl), ConnectPageResource.ROUTE),
                clock,
                new SecureRandom(),
                audits);
    }

    @Produces
    @ApplicationScoped
    ShowConnectPage showConnectPage(
            ConnectSessions sessions,
            ProjectDirectory projects,
            ConfiguredProviders providers,
            Retirements retirements,
            StateStore states,
            AuthorizationUrls authorizationUrls,
            Oauth1Provider oauth1,
            AuditTrail audits) {
        return connectPage(sessions, projects, providers, retirements, states, authorizationUrls, oauth1, audits);
    }

    @Produces
    @ApplicationScoped
    ChooseProvider chooseProvider(
            ConnectSessions sessions,
            ProjectDirectory projects,
            ConfiguredProviders providers,
            Retirements retirements,
            StateStore states,
            AuthorizationUrls authorizationUrls,
            Oauth1Provider oauth1,
            AuditTrail audits) {
        return connectPage(sessions, projects, providers, retirements, states, authorizationUrls, oauth1, audits);
    }

    private ConnectPageService connectPage(
            ConnectSessions sessions,
            ProjectDirectory projects,
            ConfiguredProviders providers,
            Retirements retirements,
            StateStore states,
            AuthorizationUrls authorizationUrls,
            Oauth1Provider oauth1,
            AuditTrail audits) {
        return new ConnectPageService(
                sessions,
                projects,
                providers,
                startConnectionService(projects, providers, retirements, states, authorizationUrls, oauth1, audits),
                clock);
    }

    @Produces
    @ApplicationScoped
    CompleteCallback completeCallback(
            ConfiguredProviders providers,
            StateStore states,
            TokenExchange tokenExchange,
            Oauth1Provider oauth1,
            TokenCipher cipher,
            ConnectionStore connections,
            CredentialInbox inbox,
            SyncQueue syncQueue,
            SyncMarks syncMarks,
            ProjectDirectory projects,
            ProviderCallMetrics metrics,
            Reporting reporting,
            HeldEvents heldEvents,
            AuditTrail audits,
            Tracing tracing) {
        if (inboxTtlSeconds < 60) {
            throw new IllegalStateException("wearables.inbox.ttl must be at least 60 seconds");
        }
        Spans spans = tracing.spans();
        TimedTokenExchange timed = new TimedTokenExchange(tokenExchange, oauth1, metrics);
        TracedCallbackSteps.Exchanges exchanges = TracedCallbackSteps.exchanges(timed, timed, spans);
        return new CompleteCallbackService(
                providers,
                TracedCallbackSteps.states(states, spans),
                new GrantRedemption(exchanges, exchanges, callbackUris()),
                new CredentialKeeping(
                        cipher,
                        TracedCallbackSteps.connections(connections, spans),
                        inbox,
                        Duration.ofSeconds(inboxTtlSeconds),
                        reporting,
                        heldEvents),
                new InitialSync(TracedCallbackSteps.syncQueue(syncQueue, spans), syncMarks),
                projects,
                clock,
                audits);
    }

    @Produces
    @ApplicationScoped
    RecoverPendingWork recoverPendingWork(
            CredentialInbox inbox,
            ConnectionStore connections,
            StoredCredentials stored,
            SyncMarks syncMarks,
            SyncQueue syncQueue,
            Leases leases,
            Reporting reporting) {
        return new RecoverPendingWorkService(
                inbox,
                connections,
                stored,
                syncMarks,
                syncQueue,
                leases,
                RECOVERY_LEASE,
                RECOVERY_BATCH,
                clock,
                reporting);
    }

    @Produces
    @ApplicationScoped
    ListProviders listProviders(
            ProjectDirectory projects,
            BuiltInProviders builtIns,
            ConfiguredProviders providers,
            Retirements retirements,
            AuditTrail audits) {
        return new ListProvidersService(projects, builtIns, providers, retirements, clock, audits);
    }

    @Produces
    @ApplicationScoped
    ListConnections listConnections(
            ProjectDirectory projects,
            ConnectionStore connections,
            CredentialInbox inbox,
            SyncPoints syncPoints,
            Leases leases,
            AuditTrail audits) {
        return new ListConnectionsService(projects, connections, inbox, syncPoints, leases, clock, audits);
    }

    @Produces
    @ApplicationScoped
    RefreshCredentials refreshCredentials(
            StoredCredentials stored,
            CredentialInbox inbox,
            Leases leases,
            ConfiguredProviders providers,
            TokenCipher cipher,
            TokenRefresh tokenRefresh,
            ReauthMarks reauthMarks,
            ProviderCallMetrics metrics,
            Reporting reporting,
            AuditTrail audits) {
        RefreshSettings defaults = RefreshSettings.defaults();
        return new RefreshCredentialsService(
                stored,
                inbox,
                leases,
                UseCaseProducer::sleep,
                providers,
                cipher,
                new TimedTokenRefresh(tokenRefresh, metrics),
                reauthMarks,
                new RefreshSettings(
                        defaults.lease(),
                        defaults.pause(),
                        defaults.pauses(),
                        defaults.retryAfter(),
                        Duration.ofSeconds(inboxTtlSeconds)),
                clock,
                reporting,
                audits);
    }

    @Produces
    @ApplicationScoped
    SyncConnection syncConnection(
            ConfiguredProviders providers,
            ProviderData data,
            ConnectionStore connections,
            StoredCredentials credentials,
            SyncPoints syncPoints,
            ObservationStore observations,
            RefreshCredentials refresh,
            ReauthMarks reauthMarks,
            TokenCipher cipher,
            Reporting reporting,
            Tracing tracing) {
        within(SYNC_BACKFILL_DAYS, syncBackfillDays, 1, 3650);
        within(SYNC_LOOKBACK, syncLookbackSeconds, 1, 31_536_000);
        within(REFRESH_MARGIN, refreshMarginSeconds, 0, 86_400);
        SyncSettings defaults = SyncSettings.defaults();
        Spans spans = tracing.spans();
        return new SyncConnectionService(
                providers,
                TracedSyncSteps.pages(data, spans),
                connections,
                credentials,
                syncPoints,
                TracedSyncSteps.writes(observations, spans),
                refresh,
                reauthMarks,
                cipher,
                new SyncSettings(
                        Duration.ofSeconds(refreshMarginSeconds),
                        Duration.ofDays(syncBackfillDays),
                        Duration.ofSeconds(syncLookbackSeconds),
                        defaults.history(),
                        defaults.retryAfter()),
                clock,
                reporting);
    }

    @Produces
    @ApplicationScoped
    RequestSync requestSync(
            ProjectDirectory projects, ConnectionStore connections, SyncQueue queue, AuditTrail audits) {
        return new RequestSyncService(projects, connections, queue, clock, audits);
    }

    @Produces
    @ApplicationScoped
    ScheduleSyncs scheduleSyncs(
            StoredCredentials stored,
            ConnectionStore connections,
            ConfiguredProviders providers,
            ProviderData data,
            SyncQueue queue,
            Leases leases) {
        within(SYNC_INTERVAL, syncIntervalSeconds, 1, 604_800);
        return new ScheduleSyncsService(
                stored, connections, providers, data, queue, leases, Duration.ofSeconds(syncIntervalSeconds), clock);
    }

    @Produces
    @ApplicationScoped
    WorkSyncQueue workSyncQueue(
            SyncJobs jobs,
            Leases leases,
            SyncConnection sync,
            SyncPoints syncPoints,
            Reporting reporting,
            Tracing tracing) {
        within(SYNC_VISIBILITY, syncVisibilitySeconds, 10, 86_400);
        within(SYNC_MAX_ATTEMPTS, syncMaxAttempts, 1, 100);
        WorkSettings defaults = WorkSettings.defaults();
        return new WorkSyncQueueService(
                jobs,
                leases,
                TracedSyncSteps.jobs(sync, tracing.spans()),
                syncPoints,
                new WorkSettings(
                        Duration.ofSeconds(syncVisibilitySeconds),
                        syncMaxAttempts,
                        defaults.backoff(),
                        defaults.maxBackoff(),
                        defaults.busyRetry()),
                clock,
                reporting);
    }

    @Produces
    @ApplicationScoped
    KeepCredentialsAlive keepCredentialsAlive(
            StoredCredentials stored, ConnectionStore connections, RefreshCredentials refresh, Leases leases) {
        within(REFRESH_KEEP_ALIVE, refreshKeepAliveSeconds, 3600, 31_536_000);
        return new KeepCredentialsAliveService(
                stored, connections, refresh, leases, Duration.ofSeconds(refreshKeepAliveSeconds), clock);
    }

    private static void within(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalStateException(key + " must be between " + min + " and " + max);
        }
    }

    /** The wiring's {@link health.wearables.application.port.out.Pause}: the thread sleeps, keeping an interrupt. */
    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Produces
    @ApplicationScoped
    ReencryptConnections reencryptConnections(StoredCredentials stored, TokenCipher cipher) {
        return new ReencryptConnectionsService(stored, cipher);
    }
}
