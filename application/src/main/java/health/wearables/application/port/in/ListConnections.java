package health.wearables.application.port.in;

import health.wearables.domain.ApiKey;
import health.wearables.domain.Step;
import health.wearables.domain.StoredConnection;
import java.util.List;
import java.util.Optional;

/** A project lists its own connections, optionally for one patient; never another project's, never a token. */
@FunctionalInterface
public interface ListConnections {

    Step<List<StoredConnection>> list(Optional<ApiKey> apiKey, Optional<String> patientId);
}
