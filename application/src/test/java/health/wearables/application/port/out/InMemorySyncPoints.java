package health.wearables.application.port.out;

import health.wearables.domain.ConnectionKey;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sync points in a map, kept only for connections the given store holds, as the FHIR store keeps them (in a
 * resource of their own beside the connection's Endpoint). Reach moves only forward and only by a sync that ended well. Can be switched off, when every
 * call fails as an unreachable store would.
 */
public final class InMemorySyncPoints implements SyncPoints {
    private final StoredCredentials connections;
    private final Map<ConnectionKey, SyncPoint> points = new ConcurrentHashMap<>();
    private volatile boolean available = true;

    public InMemorySyncPoints(StoredCredentials connections) {
        this.connections = connections;
    }

    public void setAvailable(boolean available) {
        this.available = available;
    }

    @Override
    public Optional<SyncPoint> find(ConnectionKey connection) {
        checkAvailable();
        return Optional.ofNullable(points.get(connection));
    }

    @Override
    public synchronized void record(ConnectionKey connection, SyncPoint point) {
        checkAvailable();
        if (connections.find(connection).isEmpty()) {
            return;
        }
        Optional<Instant> before = Optional.ofNullable(points.get(connection)).flatMap(SyncPoint::reach);
        Optional<Instant> reach = before;
        if (point.outcome() == Outcome.OK && point.reach().isPresent()) {
            reach = before.filter(instant -> !instant.isBefore(point.reach().get()))
                    .or(point::reach);
        }
        points.put(connection, new SyncPoint(reach, point.finishedAt(), point.outcome()));
    }

    private void checkAvailable() {
        if (!available) {
            throw new ConnectionStoreUnavailable("in-memory sync points switched off", null);
        }
    }
}
