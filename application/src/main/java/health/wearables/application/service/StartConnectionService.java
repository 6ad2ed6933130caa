package health.wearables.application.service;

import health.wearables.application.port.in.StartConnection;
import health.wearables.application.port.in.Unavailable;
import health.wearables.application.port.out.AuditTrail;
import health.wearables.application.port.out.AuthorizationUrls;
import health.wearables.application.port.out.CallbackUris;
import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.application.port.out.Oauth1Provider;
import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.application.port.out.Retirements;
import health.wearables.application.port.out.StateStore;
import health.wearables.application.port.out.StateStoreUnavailable;
import health.wearables.domain.ApiKey;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.Connecting;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.FlowKey;
import health.wearables.domain.OAuthVersion;
import health.wearables.domain.PatientId;
import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.Project;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.Step;
import health.wearables.domain.audit.ApiKeyId;
import health.wearables.domain.audit.AuditRecord;
import health.wearables.domain.connect.ConnectSession;
import health.wearables.domain.lifecycle.Retirement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * authenticate → not retired → provider → validate → mint state → store it → authorization URL. For an OAuth 1.0a provider the
 * provider's temporary credentials take the place of the state: obtained first, stored under their token.
 *
 * <p>A provider whose retirement has come at the clock's now is refused with {@link RejectionCode#PROVIDER_RETIRED}
 * before anything else is looked at, configured or not: its API is gone, so a state minted for it could only end in a
 * failed exchange, and the platform is better told where to go instead. Only a slug the gateway knows has a
 * retirement, so an unknown slug is still never echoed.
 *
 * <p>Audited once the key is accepted: {@code connect-started} once the state is stored, {@code connect-refused} with
 * the rejection code otherwise (a refused key is audited by {@link Authentication}). A state store that fails is a
 * fault, not an answer: nothing is audited.
 */
public final class StartConnectionService implements StartConnection {
    private static final System.Logger LOG = System.getLogger(StartConnectionService.class.getName());
    private static final String NO_SUCH_PROVIDER = "No such provider is configured.";

    private final ProjectDirectory projects;
    private final ConfiguredProviders providers;
    private final Retirements retirements;
    private final StateStore states;
    private final AuthorizationUrls authorizationUrls;
    private final Oauth1Provider oauth1;
    private final CallbackUris callbackUris;
    private final Duration stateTtl;
    private final Clock clock;
    private final RandomGenerator random;
    private final AuditTrail audits;

    public StartConnectionService(
            ProjectDirectory projects,
            ConfiguredProviders providers,
            Retirements retirements,
            StateStore states,
            AuthorizationUrls authorizationUrls,
            Oauth1Provider oauth1,
            CallbackUris callbackUris,
            Duration stateTtl,
            Clock clock,
            RandomGenerator random,
            AuditTrail audits) {
        this.audits = audits;
        this.projects = projects;
        this.providers = providers;
        this.retirements = retirements;
        this.states = states;
        this.authorizationUrls = authorizationUrls;
        this.oauth1 = oauth1;
        this.callbackUris = callbackUris;
        this.stateTtl = stateTtl;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public Step<Connecting.Started> start(Optional<ApiKey> apiKey, String provider, ConnectCommand command) {
        return Authentication.of(projects, apiKey, audits, clock)
                .then(project -> audited(
                        project,
                        ApiKeyId.of(apiKey.orElseThrow()),
                        provider,
                        patient(command.patientId()),
                        provider(provider)
                                .then(config -> Connecting.request(
                                        project,
                                        config,
                                        command.patientId(),
                                        command.redirectUri(),
                                        command.redirectOnError()))
                                .then(connecting -> connecting.provider().oauthVersion() == OAuthVersion.OAUTH_1_0A
                                        ? beginOauth1(connecting)
                                        : Step.ok(begin(connecting)))));
    }

    /**
     * The patient chose {@code provider} on the connect page of {@code session}: the same start as {@link #start}, for
     * the session's project and patient, audited as started by the API key that opened the session. The state's
     * record remembers that it came from the page.
     */
    Step<Connecting.Started> startOnConnectPage(Project project, ConnectSession session, ProviderSlug provider) {
        return audited(
                project,
                session.openedBy(),
                provider.value(),
                Optional.of(session.patient()),
                provider(provider.value())
                        .then(config -> Step.ok(Connecting.onConnectPage(project, config, session)))
                        .then(connecting -> connecting.provider().oauthVersion() == OAuthVersion.OAUTH_1_0A
                                ? beginOauth1(connecting)
                                : Step.ok(begin(connecting))));
    }

    /** Writes down how the connect of an accepted key ended; the step as it is. */
    private Step<Connecting.Started> audited(
            Project project, ApiKeyId by, String provider, Optional<PatientId> patient, Step<Connecting.Started> step) {
        Optional<ProviderSlug> slug = ProviderSlug.parse(provider);
        AuditRecord record = step.fold(
                started -> AuditRecord.connectStarted(
                        new ConnectionKey(project.id(), patient.orElseThrow(), slug.orElseThrow()),
                        by,
                        clock.instant()),
                refused ->
                        AuditRecord.connectRefused(project.id(), by, patient, slug, refused.code(), clock.instant()));
        Auditing.record(audits, record);
        return step;
    }

    private static Optional<PatientId> patient(String patientId) {
        try {
            return patientId == null ? Optional.empty() : Optional.of(new PatientId(patientId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Step<ConfiguredProvider> provider(String slug) {
        Optional<ProviderSlug> parsed = ProviderSlug.parse(slug);
        Optional<Rejection> retired = parsed.flatMap(this::retired);
        if (retired.isPresent()) {
            return Step.reject(retired.get());
        }
        return parsed.flatMap(providers::find)
                .map(Step::ok)
                .orElseGet(() -> Step.reject(Rejection.of(
                        RejectionCode.UNKNOWN_PROVIDER,
                        parsed.map(this::notConfigured).orElse(NO_SUCH_PROVIDER))));
    }

    /** The refusal of a provider whose retirement has come, naming its successor in the message and on its own. */
    private Optional<Rejection> retired(ProviderSlug slug) {
        return retirements
                .of(slug)
                .filter(retirement -> retirement.hasCome(clock.instant()))
                .map(retirement -> {
                    Rejection rejection =
                            Rejection.of(RejectionCode.PROVIDER_RETIRED, retiredMessage(slug, retirement));
                    return retirement.successor().map(rejection::withSuccessor).orElse(rejection);
                });
    }

    private static String retiredMessage(ProviderSlug slug, Retirement retirement) {
        String retired = "Provider '" + slug.value() + "' was retired on " + retirement.on();
        return retirement
                .successor()
                .map(successor -> retired + "; connect with '" + successor.value() + "' instead.")
                .orElse(retired + " and takes no new connections.");
    }

    /** A provider the gateway knows is named with the keys it lacks; an unknown slug is never echoed. */
    private String notConfigured(ProviderSlug slug) {
        List<String> missing = providers.missingKeys(slug);
        return missing.isEmpty()
                ? NO_SUCH_PROVIDER
                : "Provider '" + slug.value() + "' is not configured; missing: " + String.join(", ", missing) + ".";
    }

    private Connecting.Started begin(Connecting connecting) {
        Connecting.Minted minted = connecting.mint(random, clock.instant(), stateTtl);
        remember(minted.state(), minted.pending());
        ConfiguredProvider provider = connecting.provider();
        return new Connecting.Started(
                authorizationUrls.authorizationUrl(
                        provider,
                        minted.state(),
                        minted.pending().pkceVerifier(),
                        callbackUris.callbackFor(provider.slug())),
                minted.pending().expiresAt());
    }

    /** RFC 5849 §2.1–2.2: no authorization URL without temporary credentials whose callback the provider confirmed. */
    private Step<Connecting.Started> beginOauth1(Connecting connecting) {
        ConfiguredProvider provider = connecting.provider();
        return oauth1.temporaryCredentials(provider, callbackUris.callbackFor(provider.slug()))
                .fold(issued -> Step.ok(beginOauth1(connecting, issued)), notIssued -> {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "connect refused: provider={0} gave no temporary credentials ({1})",
                            provider.slug(),
                            notIssued.reason());
                    return Step.reject(Rejection.of(
                            RejectionCode.TOKEN_EXCHANGE_FAILED,
                            provider.displayName() + " did not start the authorization; try again later."));
                });
    }

    /** The temporary token takes the state's place; its secret waits in the stored record. */
    private Connecting.Started beginOauth1(Connecting connecting, Oauth1Provider.Issued issued) {
        PendingAuthorization pending = connecting.pendingOauth1(issued.secret(), clock.instant(), stateTtl);
        remember(issued.token(), pending);
        return new Connecting.Started(issued.authorizationUrl(), pending.expiresAt());
    }

    /** Fails closed: without the stored record there is no authorization URL. */
    private void remember(FlowKey key, PendingAuthorization pending) {
        try {
            states.put(key, pending, stateTtl);
        } catch (StateStoreUnavailable e) {
            throw new Unavailable.StateStore(e.getMessage(), e);
        }
    }
}
