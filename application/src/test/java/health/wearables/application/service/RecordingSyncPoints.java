package health.wearables.application.service;

import health.wearables.application.port.out.SyncPoints;
import health.wearables.application.port.out.SyncPoints.Outcome;
import health.wearables.domain.ConnectionKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Sync points in a map, and every point recorded, in order. */
final class RecordingSyncPoints implements SyncPoints {
    private final Map<ConnectionKey, SyncPoint> points = new ConcurrentHashMap<>();
    private final List<SyncPoint> recorded = new CopyOnWriteArrayList<>();

    @Override
    public Optional<SyncPoint> find(ConnectionKey connection) {
        return Optional.ofNullable(points.get(connection));
    }

    /** A running sync keeps the reach before it, as the real stores do. */
    @Override
    public void record(ConnectionKey connection, SyncPoint point) {
        if (point.outcome() == Outcome.RUNNING) {
            Optional<Instant> before = find(connection).flatMap(SyncPoint::reach);
            points.put(connection, new SyncPoint(before, point.finishedAt(), point.outcome()));
        } else {
            points.put(connection, point);
        }
        recorded.add(point);
    }

    /** The syncs that ended, in order (a sync recorded as running is not one of them). */
    List<SyncPoint> recorded() {
        return recorded.stream()
                .filter(point -> point.outcome() != Outcome.RUNNING)
                .toList();
    }

    /** How often a sync was recorded as running. */
    long runs() {
        return recorded.stream()
                .filter(point -> point.outcome() == Outcome.RUNNING)
                .count();
    }
}
