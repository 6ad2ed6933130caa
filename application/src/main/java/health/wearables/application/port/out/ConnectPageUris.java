package health.wearables.application.port.out;

import health.wearables.domain.connect.ConnectSessionToken;
import java.net.URI;

/**
 * Where a connect session's page is opened: the gateway's external base URL and the HTTP API's route of the page. The
 * route belongs to the HTTP API, so the URI is decided at the edge, never in the core.
 */
@FunctionalInterface
public interface ConnectPageUris {

    URI pageFor(ConnectSessionToken token);
}
