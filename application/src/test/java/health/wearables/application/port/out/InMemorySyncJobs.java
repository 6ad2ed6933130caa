package health.wearables.application.port.out;

import health.wearables.domain.SyncJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Both sides of the sync queue in memory, as the Redis stream behaves: new jobs in order, taken jobs pending with
 * their consumer until finished, delayed jobs waiting for their time. Can be switched off, when every call fails as an
 * unreachable queue would.
 */
public final class InMemorySyncJobs implements SyncQueue, SyncJobs {
    private record Entry(SyncJob job, int earlierAttempts) {}

    private record Pending(Entry entry, Instant deliveredAt, int deliveries, String consumer) {}

    private record Delayed(Entry entry, Instant notBefore) {}

    private final Clock clock;
    private final Map<String, Entry> fresh = new LinkedHashMap<>();
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final List<Delayed> delayed = new ArrayList<>();
    private final List<DeadLetter> dead = new ArrayList<>();
    private long nextId = 1;
    private volatile boolean available = true;

    public InMemorySyncJobs(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void setAvailable(boolean available) {
        this.available = available;
    }

    private void check() {
        if (!available) {
            throw new SyncQueueUnavailable("in-memory sync queue switched off", null);
        }
    }

    @Override
    public synchronized void enqueue(SyncJob job) {
        check();
        add(new Entry(Objects.requireNonNull(job, "job"), 0));
    }

    private void add(Entry entry) {
        fresh.put(Long.toString(nextId++), entry);
    }

    @Override
    public synchronized Optional<TakenJob> take(String consumer, Duration visibility) {
        check();
        Objects.requireNonNull(consumer, "consumer");
        Instant now = clock.instant();
        for (Iterator<Delayed> it = delayed.iterator(); it.hasNext(); ) {
            Delayed each = it.next();
            if (!each.notBefore().isAfter(now)) {
                add(each.entry());
                it.remove();
            }
        }
        for (Map.Entry<String, Pending> each : pending.entrySet()) {
            Pending left = each.getValue();
            if (left.deliveredAt().plus(visibility).isBefore(now)) {
                Pending claimed = new Pending(left.entry(), now, left.deliveries() + 1, consumer);
                each.setValue(claimed);
                return Optional.of(taken(each.getKey(), claimed));
            }
        }
        Iterator<Map.Entry<String, Entry>> first = fresh.entrySet().iterator();
        if (!first.hasNext()) {
            return Optional.empty();
        }
        Map.Entry<String, Entry> next = first.next();
        first.remove();
        Pending delivered = new Pending(next.getValue(), now, 1, consumer);
        pending.put(next.getKey(), delivered);
        return Optional.of(taken(next.getKey(), delivered));
    }

    private static TakenJob taken(String id, Pending pending) {
        return new TakenJob(pending.entry().job(), id, pending.entry().earlierAttempts() + pending.deliveries());
    }

    @Override
    public synchronized boolean keep(String consumer, TakenJob taken) {
        check();
        Pending held = pending.get(taken.id());
        if (held == null || !held.consumer().equals(consumer)) {
            return false;
        }
        pending.put(taken.id(), new Pending(held.entry(), clock.instant(), held.deliveries(), consumer));
        return true;
    }

    @Override
    public synchronized void done(TakenJob taken) {
        check();
        pending.remove(taken.id());
    }

    @Override
    public synchronized void retryAt(TakenJob taken, Instant notBefore) {
        check();
        Objects.requireNonNull(notBefore, "notBefore");
        if (pending.remove(taken.id()) != null) {
            delayed.add(new Delayed(new Entry(taken.job(), taken.attempt()), notBefore));
        }
    }

    @Override
    public synchronized void giveBack(TakenJob taken, Instant notBefore) {
        check();
        Objects.requireNonNull(notBefore, "notBefore");
        if (pending.remove(taken.id()) != null) {
            delayed.add(new Delayed(new Entry(taken.job(), taken.attempt() - 1), notBefore));
        }
    }

    @Override
    public synchronized void deadLetter(TakenJob taken, String reason) {
        check();
        DeadLetter.checkReason(reason);
        if (pending.remove(taken.id()) != null) {
            dead.add(new DeadLetter(taken.job(), reason, taken.attempt(), clock.instant()));
        }
    }

    @Override
    public synchronized List<DeadLetter> deadLetters(int max) {
        check();
        return List.copyOf(dead.subList(0, Math.min(max, dead.size())));
    }
}
