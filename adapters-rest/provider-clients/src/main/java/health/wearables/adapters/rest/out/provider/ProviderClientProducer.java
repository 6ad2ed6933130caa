package health.wearables.adapters.rest.out.provider;

import health.wearables.application.port.out.AuthorizationUrls;
import health.wearables.adapters.rest.out.provider.oauth1.HttpOauth1Client;
import health.wearables.adapters.rest.out.provider.oauth1.HttpOauth1Provider;
import health.wearables.adapters.rest.out.provider.oauth1.NonceSource;
import health.wearables.adapters.rest.out.provider.oauth1.Oauth1Signer;
import health.wearables.application.port.out.BuiltInProviders;
import health.wearables.application.port.out.Oauth1Provider;
import health.wearables.application.port.out.TokenExchange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the outbound provider clients from MicroProfile Config; the beans are the port interfaces. */
@ApplicationScoped
public class ProviderClientProducer {
    private final TokenEndpointLimits limits;

    /** For the CDI client proxy only. */
    protected ProviderClientProducer() {
        this.limits = null;
    }

    /** Each limit left unconfigured is its default in {@link TokenEndpointLimits#DEFAULTS}. */
    @Inject
    public ProviderClientProducer(
            @ConfigProperty(name = TokenEndpointLimits.CONNECT_TIMEOUT_MS) Optional<Long> connectTimeoutMs,
            @ConfigProperty(name = TokenEndpointLimits.DEADLINE_MS) Optional<Long> deadlineMs,
            @ConfigProperty(name = TokenEndpointLimits.MAX_BODY_BYTES) Optional<Integer> maxBodyBytes) {
        this.limits = TokenEndpointLimits.configured(connectTimeoutMs, deadlineMs, maxBodyBytes);
    }

    /** The limits the clients are made with. */
    TokenEndpointLimits limits() {
        return limits;
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
                DocumentedBuiltInProviders.standard()::oauth1FollowUp);
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
