package health.wearables.adapters.rest.app;

import health.wearables.application.port.out.CallbackUris;
import health.wearables.domain.ProviderSlug;
import java.net.URI;

/**
 * The callback URIs given to the providers: the gateway's external base URL ({@code wearables.public-base-url})
 * followed by the HTTP API's callback route with the provider's slug in it. The same URI at authorization and at the
 * token exchange, whichever of the API's routes the patient later comes back on.
 */
final class PublicCallbackUris implements CallbackUris {
    private static final String PROVIDER = "{provider}";

    private final String base;
    private final String route;

    /**
     * @param publicBaseUrl an absolute URL without query or fragment; a trailing slash is dropped
     * @param route         a path template relative to it, with {@value #PROVIDER} where the slug goes
     */
    PublicCallbackUris(URI publicBaseUrl, String route) {
        if (!publicBaseUrl.isAbsolute()
                || publicBaseUrl.getRawQuery() != null
                || publicBaseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("wearables.public-base-url must be an absolute URL without query");
        }
        if (!route.contains(PROVIDER) || route.startsWith("/")) {
            throw new IllegalArgumentException("the callback route must be relative and name the " + PROVIDER);
        }
        String text = publicBaseUrl.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.route = route;
    }

    @Override
    public URI callbackFor(ProviderSlug provider) {
        return URI.create(base + "/" + route.replace(PROVIDER, provider.value()));
    }
}
