package health.wearables.application.port.out;

import health.wearables.domain.AuthorizationCode;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.PkceVerifier;
import health.wearables.domain.callback.ExchangeResult;
import java.net.URI;
import java.util.Optional;

/**
 * Redeems an authorization code at the provider's token endpoint, once: never retried, since a second send is code
 * reuse. Every failure is an {@link ExchangeResult}, never an exception.
 */
@FunctionalInterface
public interface TokenExchange {

    ExchangeResult exchange(
            ConfiguredProvider provider, AuthorizationCode code, Optional<PkceVerifier> verifier, URI redirectUri);
}
