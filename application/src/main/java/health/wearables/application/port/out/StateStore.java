package health.wearables.application.port.out;

import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.StateToken;
import java.time.Duration;
import java.util.Optional;

/**
 * Single-use states. {@link #take} is atomic: of any number of concurrent takes of one state, at most one gets the
 * record. Both methods throw {@link StateStoreUnavailable} when the store cannot be reached (fail closed).
 */
public interface StateStore {

    void put(StateToken state, PendingAuthorization pending, Duration ttl);

    Optional<PendingAuthorization> take(StateToken state);
}
