package health.wearables.adapters.rest.app;

import health.wearables.adapters.rest.in.api.CallbackResource;
import health.wearables.application.port.in.AuthenticateProject;
import health.wearables.application.port.in.CompleteCallback;
import health.wearables.application.port.in.ListConnections;
import health.wearables.application.port.in.ListProviders;
import health.wearables.application.port.in.RecoverPendingWork;
import health.wearables.application.port.in.ReencryptConnections;
import health.wearables.application.port.in.StartConnection;
import health.wearables.application.port.out.AuthorizationUrls;
import health.wearables.application.port.out.BuiltInProviders;
import health.wearables.application.port.out.CallbackUris;
import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.application.port.out.ConnectionStore;
import health.wearables.application.port.out.CredentialInbox;
import health.wearables.application.port.out.Leases;
import health.wearables.application.port.out.Oauth1Provider;
import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.application.port.out.StateStore;
import health.wearables.application.port.out.StoredCredentials;
import health.wearables.application.port.out.SyncMarks;
import health.wearables.application.port.out.SyncQueue;
import health.wearables.application.port.out.TokenCipher;
import health.wearables.application.port.out.TokenExchange;
import health.wearables.application.service.AuthenticateProjectService;
import health.wearables.application.service.CompleteCallbackService;
import health.wearables.application.service.CredentialKeeping;
import health.wearables.application.service.GrantRedemption;
import health.wearables.application.service.InitialSync;
import health.wearables.application.service.ListConnectionsService;
import health.wearables.application.service.ListProvidersService;
import health.wearables.application.service.RecoverPendingWorkService;
import health.wearables.application.service.ReencryptConnectionsService;
import health.wearables.application.service.StartConnectionService;
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
    /** A recovery pass takes seconds; a gateway instance that dies during one holds it back no longer than this. */
    static final Duration RECOVERY_LEASE = Duration.ofMinutes(2);
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
    AuthenticateProject authenticateProject(ProjectDirectory projects) {
        return new AuthenticateProjectService(projects);
    }

    @Produces
    @ApplicationScoped
    StartConnection startConnection(
            ProjectDirectory projects,
            ConfiguredProviders providers,
            StateStore states,
            AuthorizationUrls authorizationUrls,
            Oauth1Provider oauth1) {
        if (stateTtlSeconds < 1 || stateTtlSeconds > 3600) {
            throw new IllegalStateException("wearables.state.ttl must be between 1 and 3600 seconds");
        }
        return new StartConnectionService(
                projects,
                providers,
                states,
                authorizationUrls,
                oauth1,
                callbackUris(),
                Duration.ofSeconds(stateTtlSeconds),
                clock,
                new SecureRandom());
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
            ProviderCallMetrics metrics) {
        if (inboxTtlSeconds < 60) {
            throw new IllegalStateException("wearables.inbox.ttl must be at least 60 seconds");
        }
        TimedTokenExchange timed = new TimedTokenExchange(tokenExchange, oauth1, metrics);
        return new CompleteCallbackService(
                providers,
                states,
                new GrantRedemption(timed, timed, callbackUris()),
                new CredentialKeeping(cipher, connections, inbox, Duration.ofSeconds(inboxTtlSeconds)),
                new InitialSync(syncQueue, syncMarks),
                projects,
                clock);
    }

    @Produces
    @ApplicationScoped
    RecoverPendingWork recoverPendingWork(
            CredentialInbox inbox,
            ConnectionStore connections,
            StoredCredentials stored,
            SyncMarks syncMarks,
            SyncQueue syncQueue,
            Leases leases) {
        return new RecoverPendingWorkService(
                inbox, connections, stored, syncMarks, syncQueue, leases, RECOVERY_LEASE, RECOVERY_BATCH, clock);
    }

    @Produces
    @ApplicationScoped
    ListProviders listProviders(ProjectDirectory projects, BuiltInProviders builtIns, ConfiguredProviders providers) {
        return new ListProvidersService(projects, builtIns, providers);
    }

    @Produces
    @ApplicationScoped
    ListConnections listConnections(ProjectDirectory projects, ConnectionStore connections, CredentialInbox inbox) {
        return new ListConnectionsService(projects, connections, inbox);
    }

    @Produces
    @ApplicationScoped
    ReencryptConnections reencryptConnections(StoredCredentials stored, TokenCipher cipher) {
        return new ReencryptConnectionsService(stored, cipher);
    }
}
