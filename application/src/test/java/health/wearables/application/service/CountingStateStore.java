package health.wearables.application.service;

import health.wearables.application.port.out.StateStore;
import health.wearables.domain.FlowKey;
import health.wearables.domain.PendingAuthorization;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Passes every call on and counts it (safely across threads), so a test can tell whether the store was asked at all. */
final class CountingStateStore implements StateStore {
    private final StateStore delegate;
    private final AtomicInteger puts = new AtomicInteger();
    private final AtomicInteger takes = new AtomicInteger();

    CountingStateStore(StateStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public void put(FlowKey key, PendingAuthorization pending, Duration ttl) {
        puts.incrementAndGet();
        delegate.put(key, pending, ttl);
    }

    @Override
    public Optional<PendingAuthorization> take(FlowKey key) {
        takes.incrementAndGet();
        return delegate.take(key);
    }

    int puts() {
        return puts.get();
    }

    int takes() {
        return takes.get();
    }
}
