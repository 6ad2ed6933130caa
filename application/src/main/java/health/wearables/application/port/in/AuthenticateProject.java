package health.wearables.application.port.in;

import health.wearables.domain.ApiKey;
import health.wearables.domain.ProjectId;
import health.wearables.domain.Step;
import java.util.Optional;

/**
 * A platform proves which project it calls for: the API key decides, or the call is refused as unauthorized. The other
 * use cases do this themselves; the HTTP API asks on its own only before it says what is wrong with a request body.
 */
@FunctionalInterface
public interface AuthenticateProject {

    Step<ProjectId> authenticate(Optional<ApiKey> apiKey);
}
