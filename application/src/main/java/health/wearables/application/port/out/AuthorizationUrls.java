package health.wearables.application.port.out;

import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.PkceVerifier;
import health.wearables.domain.StateToken;
import java.net.URI;
import java.util.Optional;

/** Builds the provider's authorization request URL (scopes, PKCE challenge, provider quirks). */
@FunctionalInterface
public interface AuthorizationUrls {

    URI authorizationUrl(
            ConfiguredProvider provider, StateToken state, Optional<PkceVerifier> verifier, URI redirectUri);
}
