package health.wearables.application.port.out;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link HeldEvents} in memory; can be switched off to stand for a store of held events that cannot be reached. */
public final class InMemoryHeldEvents implements HeldEvents {
    private record Held(EventOutbox.Entry entry, Instant due) {}

    private final Map<String, Held> held = new LinkedHashMap<>();
    private volatile boolean available = true;

    public void setAvailable(boolean available) {
        this.available = available;
    }

    @Override
    public synchronized void hold(EventOutbox.Entry event) {
        check();
        held.put(event.id(), new Held(event, event.recordedAt()));
    }

    @Override
    public synchronized List<EventOutbox.Entry> due(Instant now, int max) {
        check();
        return sorted().filter(each -> !each.due().isAfter(now))
                .limit(max)
                .map(Held::entry)
                .toList();
    }

    @Override
    public synchronized List<EventOutbox.Entry> waiting(int max) {
        check();
        return sorted().limit(max).map(Held::entry).toList();
    }

    @Override
    public synchronized void delivered(String id, Instant at) {
        remove(id);
    }

    @Override
    public synchronized void retryAt(String id, Instant next, int attempts, String lastOutcome) {
        check();
        held.computeIfPresent(id, (k, each) -> {
            EventOutbox.Entry entry = each.entry();
            return new Held(
                    new EventOutbox.Entry(
                            entry.id(),
                            entry.project(),
                            entry.type(),
                            entry.body(),
                            entry.recordedAt(),
                            attempts,
                            Optional.of(lastOutcome)),
                    next);
        });
    }

    @Override
    public synchronized void abandon(String id, String why) {
        remove(id);
    }

    @Override
    public synchronized void remove(String id) {
        check();
        held.remove(id);
    }

    private java.util.stream.Stream<Held> sorted() {
        return held.values().stream().sorted(Comparator.comparing(Held::due));
    }

    private void check() {
        if (!available) {
            throw new HeldEventsUnavailable("in-memory held events switched off", null);
        }
    }
}
