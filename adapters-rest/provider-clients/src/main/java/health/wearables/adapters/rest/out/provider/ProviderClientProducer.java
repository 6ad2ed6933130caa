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
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the outbound provider clients from MicroProfile Config; the beans are the port interfaces. */
@ApplicationScoped
public class ProviderClientProducer {
    private final TokenEndpointLimits limits;

    /** For the CDI client proxy only. */
    protected ProviderClientProducer() {
        this.limits = null;
    }

    @Inject
    public ProviderClientProducer(
            @ConfigProperty(name = "wearables.http.connect-timeout-ms", defaultValue = "3000") long connectTimeoutMs,
            @ConfigProperty(name = "wearables.http.deadline-ms", defaultValue = "10000") long deadlineMs,
            @ConfigProperty(name = "wearables.http.max-body-bytes", defaultValue = "65536") int maxBodyBytes) {
        this.limits = new TokenEndpointLimits(Duration.ofMillis(connectTimeoutMs), Duration.ofMillis(deadlineMs),
                maxBodyBytes);
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
