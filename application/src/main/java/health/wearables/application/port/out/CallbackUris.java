package health.wearables.application.port.out;

import health.wearables.domain.ProviderSlug;
import java.net.URI;

/**
 * Where a provider sends the patient's browser back: the {@code redirect_uri} (OAuth 1.0a: {@code oauth_callback})
 * given at authorization and again at the token exchange, so both carry the same value. The route belongs to the HTTP
 * API, so the URI is decided at the edge, never in the core.
 */
@FunctionalInterface
public interface CallbackUris {

    URI callbackFor(ProviderSlug provider);
}
