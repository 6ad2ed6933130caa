package health.wearables.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A connection as the store holds it, without token material: what dashboards may see. */
public record StoredConnection(
        ConnectionKey key,
        String endpointId,
        ConnectionStatus status,
        Instant connectedAt,
        Optional<Instant> accessTokenExpiresAt,
        List<String> scopes) {

    public StoredConnection {
        scopes = List.copyOf(scopes);
    }
}
