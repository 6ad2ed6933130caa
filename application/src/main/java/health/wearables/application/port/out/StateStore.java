package health.wearables.application.port.out;

import health.wearables.domain.FlowKey;
import health.wearables.domain.PendingAuthorization;
import java.time.Duration;
import java.util.Optional;

/**
 * Single-use states (OAuth 2.0) and temporary tokens (OAuth 1.0a), both a {@link FlowKey}. {@link #take} is atomic:
 * of any number of concurrent takes of one key, at most one gets the record. Both methods throw
 * {@link StateStoreUnavailable} when the store cannot be reached (fail closed).
 */
public interface StateStore {

    void put(FlowKey key, PendingAuthorization pending, Duration ttl);

    Optional<PendingAuthorization> take(FlowKey key);
}
