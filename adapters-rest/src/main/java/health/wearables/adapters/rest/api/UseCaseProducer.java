package health.wearables.adapters.rest.api;

import health.wearables.application.port.in.CompleteCallback;
import health.wearables.application.port.in.ListConnections;
import health.wearables.application.port.in.ReencryptConnections;
import health.wearables.application.port.in.ListProviders;
import health.wearables.application.port.in.StartConnection;
import health.wearables.domain.ApiKey;
import health.wearables.application.port.out.AuthorizationUrls;
import health.wearables.application.port.out.ConnectionStore;
import health.wearables.application.port.out.KnownProviders;
import health.wearables.application.port.out.Oauth1Provider;
import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.application.port.out.ProviderCatalog;
import health.wearables.application.port.out.StateStore;
import health.wearables.application.port.out.SyncQueue;
import health.wearables.application.port.out.TokenCipher;
import health.wearables.application.port.out.TokenExchange;
import health.wearables.application.service.CompleteCallbackService;
import health.wearables.application.service.ListConnectionsService;
import health.wearables.application.service.ReencryptConnectionsService;
import health.wearables.application.service.ListProvidersService;
import health.wearables.application.service.StartConnectionService;
import health.wearables.domain.PublicBaseUrl;
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
    @Inject
    @ConfigProperty(name = "wearables.public-base-url", defaultValue = "http://localhost:9080")
    String publicBaseUrl;

    @Inject
    @ConfigProperty(name = "wearables.state.ttl", defaultValue = "600")
    long stateTtlSeconds;

    private final Clock clock = Clock.systemUTC();

    private PublicBaseUrl baseUrl() {
        return new PublicBaseUrl(URI.create(publicBaseUrl));
    }

    @Produces
    @ApplicationScoped
    StartConnection startConnection(ProjectDirectory projects, ProviderCatalog providers, StateStore states,
                                    AuthorizationUrls authorizationUrls, Oauth1Provider oauth1) {
        if (stateTtlSeconds < 1 || stateTtlSeconds > 3600) {
            throw new IllegalStateException("wearables.state.ttl must be between 1 and 3600 seconds");
        }
        return new StartConnectionService(projects, providers, states, authorizationUrls, oauth1, baseUrl(),
                Duration.ofSeconds(stateTtlSeconds), clock, new SecureRandom());
    }

    @Produces
    @ApplicationScoped
    CompleteCallback completeCallback(ProviderCatalog providers, StateStore states, TokenExchange tokenExchange,
                                      Oauth1Provider oauth1, TokenCipher cipher, ConnectionStore connections, SyncQueue syncQueue,
                                      ProjectDirectory projects, GatewayMetrics metrics) {
        return new CompleteCallbackService(providers, states, new TimedTokenExchange(tokenExchange, metrics), oauth1,
                cipher, connections, syncQueue, projects, baseUrl(), clock);
    }

    @Produces
    @ApplicationScoped
    ListProviders listProviders(ProjectDirectory projects, KnownProviders known, ProviderCatalog providers) {
        return new ListProvidersService(projects, known, providers);
    }

    @Produces
    @ApplicationScoped
    ListConnections listConnections(ProjectDirectory projects, ConnectionStore connections) {
        return new ListConnectionsService(projects, connections);
    }

    @Produces
    @ApplicationScoped
    ReencryptConnections reencryptConnections(ConnectionStore connections, TokenCipher cipher) {
        return new ReencryptConnectionsService(connections, cipher);
    }
}
