package health.wearables.application.port.in;

import health.wearables.domain.ApiKey;
import health.wearables.domain.ConnectionListing;
import health.wearables.domain.Step;
import java.util.Optional;

/**
 * A project lists its own connections, optionally for one patient; never another project's, never a token. Credentials
 * held for a retry are listed as pending.
 */
@FunctionalInterface
public interface ListConnections {

    Step<ConnectionListing> list(Optional<ApiKey> apiKey, Optional<String> patientId);
}
