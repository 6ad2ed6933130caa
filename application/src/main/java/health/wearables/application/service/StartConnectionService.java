package health.wearables.application.service;

import health.wearables.application.port.in.StartConnection;
import health.wearables.application.port.out.AuthorizationUrls;
import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.application.port.out.ProviderCatalog;
import health.wearables.application.port.out.StateStore;
import health.wearables.domain.ApiKey;
import health.wearables.domain.Connecting;
import health.wearables.domain.ProviderConfig;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.PublicBaseUrl;
import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.Step;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** authenticate → provider → validate → mint state → store it → authorization URL. */
public final class StartConnectionService implements StartConnection {
    private static final String NO_SUCH_PROVIDER = "No such provider is configured.";

    private final ProjectDirectory projects;
    private final ProviderCatalog providers;
    private final StateStore states;
    private final AuthorizationUrls authorizationUrls;
    private final PublicBaseUrl publicBaseUrl;
    private final Duration stateTtl;
    private final Clock clock;
    private final RandomGenerator random;

    public StartConnectionService(ProjectDirectory projects, ProviderCatalog providers, StateStore states,
                                  AuthorizationUrls authorizationUrls, PublicBaseUrl publicBaseUrl, Duration stateTtl,
                                  Clock clock, RandomGenerator random) {
        this.projects = projects;
        this.providers = providers;
        this.states = states;
        this.authorizationUrls = authorizationUrls;
        this.publicBaseUrl = publicBaseUrl;
        this.stateTtl = stateTtl;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public Step<Connecting.Started> start(Optional<ApiKey> apiKey, String provider, ConnectCommand command) {
        return Authentication.of(projects, apiKey)
                .then(project -> provider(provider).then(config -> Connecting.request(
                        project, config, command.patientId(), command.redirectUri(), command.redirectOnError())))
                .then(connecting -> Step.ok(begin(connecting)));
    }

    private Step<ProviderConfig> provider(String slug) {
        Optional<ProviderSlug> parsed = ProviderSlug.parse(slug);
        return parsed.flatMap(providers::find)
                .map(Step::ok)
                .orElseGet(() -> Step.reject(Rejection.of(RejectionCode.UNKNOWN_PROVIDER,
                        parsed.map(this::notConfigured).orElse(NO_SUCH_PROVIDER))));
    }

    /** A provider the gateway knows is named with the keys it lacks; an unknown slug is never echoed. */
    private String notConfigured(ProviderSlug slug) {
        List<String> missing = providers.missingKeys(slug);
        return missing.isEmpty() ? NO_SUCH_PROVIDER
                : "Provider '" + slug.value() + "' is not configured; missing: " + String.join(", ", missing) + ".";
    }

    private Connecting.Started begin(Connecting connecting) {
        Connecting.Minted minted = connecting.mint(random, clock.instant(), stateTtl);
        states.put(minted.state(), minted.pending(), stateTtl);
        ProviderConfig provider = connecting.provider();
        return new Connecting.Started(
                authorizationUrls.authorizationUrl(provider, minted.state(), minted.pending().pkceVerifier(),
                        publicBaseUrl.callbackFor(provider.slug())),
                minted.pending().expiresAt());
    }
}
