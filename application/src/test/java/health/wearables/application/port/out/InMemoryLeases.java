package health.wearables.application.port.out;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Leases in a map, lapsing by the given clock; can be switched off. */
public final class InMemoryLeases implements Leases {
    private record Holder(Object owner, Instant until) {}

    private final Map<String, Holder> holders = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile boolean available = true;

    public InMemoryLeases(Clock clock) {
        this.clock = clock;
    }

    public void setAvailable(boolean available) {
        this.available = available;
    }

    @Override
    public synchronized Optional<Lease> take(String name, Duration duration) {
        if (!available) {
            throw new LeaseUnavailable("in-memory leases switched off", null);
        }
        Holder current = holders.get(name);
        if (current != null && clock.instant().isBefore(current.until())) {
            return Optional.empty();
        }
        Object owner = new Object();
        holders.put(name, new Holder(owner, clock.instant().plus(duration)));
        return Optional.of(new Lease() {
            @Override
            public boolean extend(Duration longer) {
                return InMemoryLeases.this.extend(name, owner, longer);
            }

            @Override
            public void close() {
                release(name, owner);
            }
        });
    }

    private synchronized boolean extend(String name, Object owner, Duration duration) {
        if (!available) {
            throw new LeaseUnavailable("in-memory leases switched off", null);
        }
        Holder current = holders.get(name);
        if (current == null || current.owner() != owner || !clock.instant().isBefore(current.until())) {
            return false;
        }
        holders.put(name, new Holder(owner, clock.instant().plus(duration)));
        return true;
    }

    @Override
    public synchronized boolean isHeld(String name) {
        if (!available) {
            throw new LeaseUnavailable("in-memory leases switched off", null);
        }
        Holder current = holders.get(name);
        return current != null && clock.instant().isBefore(current.until());
    }

    private synchronized void release(String name, Object owner) {
        holders.computeIfPresent(name, (key, holder) -> holder.owner() == owner ? null : holder);
    }
}
