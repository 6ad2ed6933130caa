package health.wearables.application.service;

import health.wearables.application.port.out.SyncPoints;
import health.wearables.domain.ConnectionKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Sync points in a map, and every point recorded, in order. */
final class RecordingSyncPoints implements SyncPoints {
    private final Map<ConnectionKey, SyncPoint> points = new ConcurrentHashMap<>();
    private final List<SyncPoint> recorded = new CopyOnWriteArrayList<>();
    private final AtomicInteger finds = new AtomicInteger();

    @Override
    public Optional<SyncPoint> find(ConnectionKey connection) {
        finds.incrementAndGet();
        return Optional.ofNullable(points.get(connection));
    }

    @Override
    public void record(ConnectionKey connection, SyncPoint point) {
        points.put(connection, point);
        recorded.add(point);
    }

    /** How many times a sync point was looked up. */
    int finds() {
        return finds.get();
    }

    List<SyncPoint> recorded() {
        return List.copyOf(recorded);
    }
}
