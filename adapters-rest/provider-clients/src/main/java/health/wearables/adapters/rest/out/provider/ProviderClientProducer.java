package health.wearables.adapters.rest.out.provider;

import health.wearables.adapters.rest.out.provider.data.HttpProviderData;
import health.wearables.adapters.rest.out.provider.notify.DocumentedNotifications;
import health.wearables.adapters.rest.out.provider.oauth1.HttpOauth1Client;
import health.wearables.adapters.rest.out.provider.oauth1.HttpOauth1Provider;
import health.wearables.adapters.rest.out.provider.oauth1.NonceSource;
import health.wearables.adapters.rest.out.provider.oauth1.Oauth1Signer;
import health.wearables.application.port.out.AuthorizationUrls;
import health.wearables.application.port.out.BuiltInProviders;
import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.application.port.out.ConfiguredWebhooks;
import health.wearables.application.port.out.LeaseUnavailable;
import health.wearables.application.port.out.Oauth1Provider;
import health.wearables.application.port.out.ProviderData;
import health.wearables.application.port.out.ProviderNotifications;
import health.wearables.application.port.out.Revocations;
import health.wearables.application.port.out.SeenNotifications;
import health.wearables.application.port.out.TokenExchange;
import health.wearables.application.port.out.TokenRefresh;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the outbound provider clients from MicroProfile Config; the beans are the port interfaces. */
@ApplicationScoped
public class ProviderClientProducer {
    static final String PROVIDERS_KEY = "wearables.providers";
    static final String DATA_DEADLINE_KEY = "wearables.http.data-deadline-ms";
    static final String DATA_MAX_BODY_KEY = "wearables.http.data-max-body-bytes";
    /** A data page's whole answer: 30 s by default (a 30-day slice of Dexcom glucose is a few megabytes). */
    static final long DATA_DEADLINE_MS = 30_000;
    /** A data page's body: 16 MiB by default. */
    static final int DATA_MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final TokenEndpointLimits limits;
    private final TokenEndpointLimits dataLimits;

    /** For the CDI client proxy only. */
    protected ProviderClientProducer() {
        this.limits = null;
        this.dataLimits = null;
    }

    /**
     * Each limit left unconfigured is its default: {@link TokenEndpointLimits#DEFAULTS} for the token calls,
     * {@link #DATA_DEADLINE_MS} and {@link #DATA_MAX_BODY_BYTES} for the data calls. The token calls and the data calls
     * share the connect timeout; a data page may take longer and be much larger than a token answer, so it has its own
     * deadline and body cap.
     */
    @Inject
    public ProviderClientProducer(
            @ConfigProperty(name = TokenEndpointLimits.CONNECT_TIMEOUT_MS) Optional<Long> connectTimeoutMs,
            @ConfigProperty(name = TokenEndpointLimits.DEADLINE_MS) Optional<Long> deadlineMs,
            @ConfigProperty(name = TokenEndpointLimits.MAX_BODY_BYTES) Optional<Integer> maxBodyBytes,
            @ConfigProperty(name = DATA_DEADLINE_KEY) Optional<Long> dataDeadlineMs,
            @ConfigProperty(name = DATA_MAX_BODY_KEY) Optional<Integer> dataMaxBodyBytes) {
        this.limits = TokenEndpointLimits.configured(connectTimeoutMs, deadlineMs, maxBodyBytes);
        this.dataLimits = new TokenEndpointLimits(
                limits.connectTimeout(),
                Duration.ofMillis(dataDeadlineMs.orElse(DATA_DEADLINE_MS)),
                dataMaxBodyBytes.orElse(DATA_MAX_BODY_BYTES));
    }

    /** The data calls with their default limits. */
    ProviderClientProducer(Optional<Long> connectTimeoutMs, Optional<Long> deadlineMs, Optional<Integer> maxBodyBytes) {
        this(connectTimeoutMs, deadlineMs, maxBodyBytes, Optional.empty(), Optional.empty());
    }

    /** The limits the token clients are made with. */
    TokenEndpointLimits limits() {
        return limits;
    }

    /** The limits the data clients are made with. */
    TokenEndpointLimits dataLimits() {
        return dataLimits;
    }

    @Produces
    @ApplicationScoped
    public TokenExchange tokenExchange() {
        return new HttpTokenExchange(limits, Clock.systemUTC());
    }

    @Produces
    @ApplicationScoped
    public TokenRefresh tokenRefresh() {
        return new HttpTokenRefresh(limits, Clock.systemUTC());
    }

    /** Revoking a disconnected patient's grant, under the token calls' limits. */
    @Produces
    @ApplicationScoped
    public Revocations revocations() {
        return new HttpRevocations(limits, Clock.systemUTC());
    }

    @Produces
    @ApplicationScoped
    public Oauth1Provider oauth1Provider() {
        return new HttpOauth1Provider(
                new HttpOauth1Client(
                        limits,
                        new Oauth1Signer(Clock.systemUTC(), NonceSource.secure(new java.security.SecureRandom()))),
                DocumentedBuiltInProviders.standard()::oauth1FollowUp);
    }

    /**
     * The providers' data APIs (Oura, Withings, WHOOP, Dexcom, Google Health, the demo provider), and each configured
     * provider whose {@code wearables.providers.<slug>.data-api} names one of them.
     */
    @Produces
    @ApplicationScoped
    public ProviderData providerData(Config config) {
        Map<String, String> servedAs = new LinkedHashMap<>();
        for (String slug : config.getOptionalValues(PROVIDERS_KEY, String.class).orElse(List.of())) {
            String provider = slug.strip();
            config.getOptionalValue("wearables.providers." + provider + ".data-api", String.class)
                    .map(String::strip)
                    .filter(api -> !api.isEmpty())
                    .ifPresent(api -> servedAs.put(provider, api));
        }
        return providerData(servedAs);
    }

    /** The data clients, and the configured providers each served as one of them (slug → data client's slug). */
    ProviderData providerData(Map<String, String> servedAs) {
        return HttpProviderData.standard(dataLimits, Clock.systemUTC()).servingAlso(servedAs);
    }

    /**
     * The providers' notifications. The replay memory is looked up when a signed notification needs it, not when the
     * application starts, so that the gateway deploys before an adapter provides it; until then a signed
     * notification is refused as if the memory were unreachable.
     */
    @Produces
    @ApplicationScoped
    public ProviderNotifications providerNotifications(
            ConfiguredProviders providers, ConfiguredWebhooks webhooks, Instance<SeenNotifications> seen) {
        return new DocumentedNotifications(
                providers,
                webhooks,
                whenProvided(() -> seen.isResolvable() ? Optional.of(seen.get()) : Optional.empty()));
    }

    /** The replay memory {@code seen} gives when asked; none is unreachable. */
    static SeenNotifications whenProvided(Supplier<Optional<SeenNotifications>> seen) {
        return new SeenNotifications() {
            @Override
            public boolean firstTime(String fingerprint, Duration keepFor) {
                return provided().firstTime(fingerprint, keepFor);
            }

            @Override
            public void forget(String fingerprint) {
                provided().forget(fingerprint);
            }

            private SeenNotifications provided() {
                return seen.get()
                        .orElseThrow(
                                () -> new LeaseUnavailable("no replay memory (SeenNotifications) is provided", null));
            }
        };
    }

    @Produces
    @ApplicationScoped
    public BuiltInProviders builtInProviders() {
        return DocumentedBuiltInProviders.standard();
    }

    @Produces
    @ApplicationScoped
    public AuthorizationUrls authorizationUrls() {
        return new NimbusAuthorizationUrls();
    }
}
