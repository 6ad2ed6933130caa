package health.wearables.application.port.out;

import health.wearables.domain.FlowKey;
import health.wearables.domain.PendingAuthorization;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The state store in a map: {@code remove} is the atomic get-and-delete; expiry by the given clock. */
public final class InMemoryStateStore implements StateStore {
    private record Entry(PendingAuthorization pending, Instant expiresAt) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile boolean available = true;

    public InMemoryStateStore(Clock clock) {
        this.clock = clock;
    }

    public void setAvailable(boolean available) {
        this.available = available;
    }

    public int size() {
        return entries.size();
    }

    @Override
    public void put(FlowKey key, PendingAuthorization pending, Duration ttl) {
        checkAvailable();
        entries.put(
                key.namespace() + ':' + key.fingerprint(),
                new Entry(pending, clock.instant().plus(ttl)));
    }

    @Override
    public Optional<PendingAuthorization> take(FlowKey key) {
        checkAvailable();
        Entry entry = entries.remove(key.namespace() + ':' + key.fingerprint());
        if (entry == null || !clock.instant().isBefore(entry.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(entry.pending());
    }

    private void checkAvailable() {
        if (!available) {
            throw new StateStoreUnavailable("in-memory state store switched off", null);
        }
    }
}
