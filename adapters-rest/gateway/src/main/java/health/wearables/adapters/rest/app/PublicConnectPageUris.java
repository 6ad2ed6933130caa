package health.wearables.adapters.rest.app;

import health.wearables.application.port.out.ConnectPageUris;
import health.wearables.domain.connect.ConnectSessionToken;
import java.net.URI;

/**
 * The links to connect pages: the gateway's external base URL ({@code wearables.public-base-url}), the HTTP API's
 * route of the page, and the token as the last path segment (base64url needs no encoding there).
 */
final class PublicConnectPageUris implements ConnectPageUris {
    private final String prefix;

    /**
     * @param publicBaseUrl an absolute URL without query or fragment; a trailing slash is dropped
     * @param route         the page's route relative to it, without a leading or trailing slash
     */
    PublicConnectPageUris(URI publicBaseUrl, String route) {
        if (!publicBaseUrl.isAbsolute()
                || publicBaseUrl.getRawQuery() != null
                || publicBaseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("wearables.public-base-url must be an absolute URL without query");
        }
        if (route.startsWith("/") || route.endsWith("/")) {
            throw new IllegalArgumentException("the connect page's route must be relative, without a trailing slash");
        }
        String text = publicBaseUrl.toString();
        this.prefix = (text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + "/" + route + "/";
    }

    @Override
    public URI pageFor(ConnectSessionToken token) {
        return URI.create(prefix + token.value());
    }
}
