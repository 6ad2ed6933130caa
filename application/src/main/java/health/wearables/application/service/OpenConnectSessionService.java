package health.wearables.application.service;

import health.wearables.application.port.in.OpenConnectSession;
import health.wearables.application.port.in.Unavailable;
import health.wearables.application.port.out.AuditTrail;
import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.application.port.out.ConnectPageUris;
import health.wearables.application.port.out.ConnectSessions;
import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.application.port.out.Retirements;
import health.wearables.application.port.out.StateStoreUnavailable;
import health.wearables.domain.ApiKey;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.Project;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.Step;
import health.wearables.domain.audit.ApiKeyId;
import health.wearables.domain.connect.ConnectSession;
import health.wearables.domain.connect.ConnectSessionToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * authenticate → validate (patient, redirectUri, providers) → mint the token → store the session under its fingerprint
 * for {@link #TTL} → the link. The providers a project may use are the configured ones whose retirement has not come;
 * with none requested the page offers all of them. A store that fails is a fault: no link is handed out.
 */
public final class OpenConnectSessionService implements OpenConnectSession {
    /** How long a connect link can be used: 30 minutes. */
    public static final Duration TTL = Duration.ofMinutes(30);

    private final ProjectDirectory projects;
    private final ConfiguredProviders providers;
    private final Retirements retirements;
    private final ConnectSessions sessions;
    private final ConnectPageUris pages;
    private final Clock clock;
    private final RandomGenerator random;
    private final AuditTrail audits;

    public OpenConnectSessionService(
            ProjectDirectory projects,
            ConfiguredProviders providers,
            Retirements retirements,
            ConnectSessions sessions,
            ConnectPageUris pages,
            Clock clock,
            RandomGenerator random,
            AuditTrail audits) {
        this.projects = projects;
        this.providers = providers;
        this.retirements = retirements;
        this.sessions = sessions;
        this.pages = pages;
        this.clock = clock;
        this.random = random;
        this.audits = audits;
    }

    @Override
    public Step<Opened> open(Optional<ApiKey> apiKey, SessionCommand command) {
        Instant now = clock.instant();
        return Authentication.of(projects, apiKey, audits, clock)
                .then(project -> request(project, ApiKeyId.of(apiKey.orElseThrow()), command, now))
                .then(session -> Step.ok(store(session)));
    }

    private Step<ConnectSession> request(Project project, ApiKeyId by, SessionCommand command, Instant now) {
        return ConnectSession.request(
                project,
                command.patientId(),
                command.redirectUri(),
                command.providers(),
                usable(now),
                by,
                now.plus(TTL));
    }

    /** The configured providers, in their configured order, without those whose retirement has come. */
    private List<ProviderSlug> usable(Instant now) {
        return providers.all().stream()
                .map(ConfiguredProvider::slug)
                .filter(slug -> retirements
                        .of(slug)
                        .map(retirement -> !retirement.hasCome(now))
                        .orElse(true))
                .toList();
    }

    private Opened store(ConnectSession session) {
        ConnectSessionToken token = ConnectSessionToken.mint(random);
        try {
            sessions.put(token, session, TTL);
        } catch (StateStoreUnavailable e) {
            throw new Unavailable.StateStore(e.getMessage(), e);
        }
        return new Opened(pages.pageFor(token), session.expiresAt());
    }
}
