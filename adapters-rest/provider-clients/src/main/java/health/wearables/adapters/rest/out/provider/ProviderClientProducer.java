package health.wearables.adapters.rest.out.provider;

import health.wearables.application.port.out.AuthorizationUrls;
import health.wearables.adapters.rest.out.provider.oauth1.HttpOauth1Client;
import health.wearables.adapters.rest.out.provider.oauth1.HttpOauth1Provider;
import health.wearables.adapters.rest.out.provider.oauth1.NonceSource;
import health.wearables.adapters.rest.out.provider.oauth1.Oauth1Signer;
import health.wearables.adapters.rest.out.provider.data.HttpProviderData;
import health.wearables.application.port.out.KnownProviders;
import health.wearables.application.port.out.Oauth1Provider;
import health.wearables.application.port.out.ProviderData;
import health.wearables.application.port.out.TokenExchange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the outbound provider clients from MicroProfile Config; the beans are the port interfaces. */
@ApplicationScoped
public class ProviderClientProducer {
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

    /** With the default limits of the data APIs. */
    public ProviderClientProducer(long connectTimeoutMs, long deadlineMs, int maxBodyBytes) {
        this(connectTimeoutMs, deadlineMs, maxBodyBytes, DATA_DEADLINE_MS, DATA_MAX_BODY_BYTES);
    }

    /**
     * The token calls and the data calls share the connect timeout; a data page may take longer and be much larger
     * than a token answer, so it has its own deadline and body cap.
     */
    @Inject
    public ProviderClientProducer(
            @ConfigProperty(name = "wearables.http.connect-timeout-ms", defaultValue = "3000") long connectTimeoutMs,
            @ConfigProperty(name = "wearables.http.deadline-ms", defaultValue = "10000") long deadlineMs,
            @ConfigProperty(name = "wearables.http.max-body-bytes", defaultValue = "65536") int maxBodyBytes,
            @ConfigProperty(name = "wearables.http.data-deadline-ms", defaultValue = "30000") long dataDeadlineMs,
            @ConfigProperty(name = "wearables.http.data-max-body-bytes", defaultValue = "16777216")
            int dataMaxBodyBytes) {
        this.limits = new TokenEndpointLimits(Duration.ofMillis(connectTimeoutMs), Duration.ofMillis(deadlineMs),
                maxBodyBytes);
        this.dataLimits = new TokenEndpointLimits(Duration.ofMillis(connectTimeoutMs),
                Duration.ofMillis(dataDeadlineMs), dataMaxBodyBytes);
    }

    @Produces
    @ApplicationScoped
    public TokenExchange tokenExchange() {
        return new HttpTokenExchange(limits, Clock.systemUTC());
    }

    @Produces
    @ApplicationScoped
    public Oauth1Provider oauth1Provider() {
        return new HttpOauth1Provider(new HttpOauth1Client(limits,
                new Oauth1Signer(Clock.systemUTC(), NonceSource.secure(new java.security.SecureRandom()))),
                BuiltInProviders.standard()::oauth1FollowUp);
    }

    /** The providers' data APIs (Oura, Withings, WHOOP, Dexcom, Google Health, the demo provider). */
    @Produces
    @ApplicationScoped
    public ProviderData providerData() {
        return HttpProviderData.standard(dataLimits, Clock.systemUTC());
    }

    @Produces
    @ApplicationScoped
    public KnownProviders knownProviders() {
        return BuiltInProviders.standard();
    }

    @Produces
    @ApplicationScoped
    public AuthorizationUrls authorizationUrls() {
        return new NimbusAuthorizationUrls();
    }
}
