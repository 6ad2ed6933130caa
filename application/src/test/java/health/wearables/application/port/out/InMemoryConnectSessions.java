package health.wearables.application.port.out;

import health.wearables.domain.connect.ConnectSession;
import health.wearables.domain.connect.ConnectSessionToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Connect sessions in a map under the token's fingerprint: {@code remove} is the atomic take; expiry by the clock. */
public final class InMemoryConnectSessions implements ConnectSessions {
    private record Entry(ConnectSession session, Instant expiresAt) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile boolean available = true;

    public InMemoryConnectSessions(Clock clock) {
        this.clock = clock;
    }

    public void setAvailable(boolean available) {
        this.available = available;
    }

    public int size() {
        return entries.size();
    }

    @Override
    public void put(ConnectSessionToken token, ConnectSession session, Duration ttl) {
        checkAvailable();
        entries.put(token.fingerprint(), new Entry(session, clock.instant().plus(ttl)));
    }

    @Override
    public Optional<ConnectSession> find(ConnectSessionToken token) {
        checkAvailable();
        return live(entries.get(token.fingerprint()));
    }

    @Override
    public Optional<ConnectSession> take(ConnectSessionToken token) {
        checkAvailable();
        return live(entries.remove(token.fingerprint()));
    }

    private Optional<ConnectSession> live(Entry entry) {
        if (entry == null || !clock.instant().isBefore(entry.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(entry.session());
    }

    private void checkAvailable() {
        if (!available) {
            throw new StateStoreUnavailable("in-memory connect sessions switched off", null);
        }
    }
}
