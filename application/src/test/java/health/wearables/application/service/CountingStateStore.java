package health.wearables.application.service;

import health.wearables.application.port.out.StateStore;
import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.StateToken;
import java.time.Duration;
import java.util.Optional;

/** Passes every call on and counts it, so a test can tell whether the store was asked at all. */
final class CountingStateStore implements StateStore {
    private final StateStore delegate;
    private int puts;
    private int takes;

    CountingStateStore(StateStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public void put(StateToken state, PendingAuthorization pending, Duration ttl) {
        puts++;
        delegate.put(state, pending, ttl);
    }

    @Override
    public Optional<PendingAuthorization> take(StateToken state) {
        takes++;
        return delegate.take(state);
    }

    int puts() {
        return puts;
    }

    int takes() {
        return takes;
    }
}
