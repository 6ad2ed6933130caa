package health.wearables.application.port.out;

import health.wearables.domain.connect.ConnectSession;
import health.wearables.domain.connect.ConnectSessionToken;
import java.time.Duration;
import java.util.Optional;

/**
 * Connect sessions, stored under the fingerprint of their token until their TTL runs out. {@link #find} leaves the
 * session where it is (the page may be opened again); {@link #take} is atomic: of any number of concurrent takes of one
 * token, at most one gets the session. Every method throws {@link StateStoreUnavailable} when the store cannot be
 * reached (the sessions live in the state store).
 */
public interface ConnectSessions {

    void put(ConnectSessionToken token, ConnectSession session, Duration ttl);

    Optional<ConnectSession> find(ConnectSessionToken token);

    Optional<ConnectSession> take(ConnectSessionToken token);
}
