package health.wearables.application.port.out;

import health.wearables.domain.ProjectId;
import health.wearables.domain.events.PlatformEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link EventOutbox} and {@link UnitOfWork} in memory: a step's events are kept only if the whole step ran (a step
 * that throws leaves none of its events), as the store's transaction does.
 */
public final class InMemoryEventOutbox implements EventOutbox, UnitOfWork {
    private record Row(PlatformEvent event, Entry entry, Instant due, boolean delivered, boolean abandoned) {}

    private final Map<String, Row> rows = new LinkedHashMap<>();

    @SuppressWarnings("ThreadLocalUsage") // one step in progress per thread and per fake: a test makes several fakes
    private final ThreadLocal<List<PlatformEvent>> step = new ThreadLocal<>();

    private volatile boolean available = true;

    public void setAvailable(boolean available) {
        this.available = available;
    }

    @Override
    public <T> T inOneStep(java.util.function.Supplier<T> work) {
        if (step.get() != null) {
            return work.get();
        }
        step.set(new ArrayList<>());
        try {
            T result = work.get();
            step.get().forEach(this::store);
            return result;
        } finally {
            step.remove();
        }
    }

    @Override
    public void record(PlatformEvent event) {
        check();
        if (step.get() != null) {
            step.get().add(event);
        } else {
            store(event);
        }
    }

    private synchronized void store(PlatformEvent event) {
        rows.put(event.id(), new Row(event, Entry.of(event), event.timestamp(), false, false));
    }

    @Override
    public synchronized void adopt(Entry held) {
        check();
        rows.putIfAbsent(held.id(), new Row(null, held, held.recordedAt(), false, false));
    }

    /** Every event recorded (not adopted), in order. */
    public synchronized List<PlatformEvent> events() {
        return rows.values().stream().map(Row::event).filter(Objects::nonNull).toList();
    }

    /** Every entry, recorded or adopted, in the order they came. */
    public synchronized List<Entry> entries() {
        return rows.values().stream().map(Row::entry).toList();
    }

    @Override
    public synchronized List<Entry> due(Instant now, int max) {
        check();
        return rows.values().stream()
                .filter(row ->
                        !row.delivered() && !row.abandoned() && !row.due().isAfter(now))
                .sorted(Comparator.comparing(Row::due))
                .limit(max)
                .map(Row::entry)
                .toList();
    }

    @Override
    public synchronized void delivered(String id, Instant at) {
        check();
        rows.computeIfPresent(id, (k, row) -> new Row(row.event(), row.entry(), row.due(), true, false));
    }

    @Override
    public synchronized void retryAt(String id, Instant next, int attempts, String lastOutcome) {
        check();
        rows.computeIfPresent(
                id, (k, row) -> new Row(row.event(), with(row.entry(), attempts, lastOutcome), next, false, false));
    }

    @Override
    public synchronized void abandon(String id, String why) {
        check();
        rows.computeIfPresent(
                id,
                (k, row) ->
                        new Row(row.event(), with(row.entry(), row.entry().attempts(), why), row.due(), false, true));
    }

    @Override
    public synchronized List<Entry> undelivered(ProjectId project, int max) {
        check();
        return rows.values().stream()
                .filter(row -> !row.delivered() && row.entry().project().equals(project))
                .sorted(Comparator.comparing(row -> row.entry().recordedAt()))
                .limit(max)
                .map(Row::entry)
                .toList();
    }

    /** Whether the event was delivered. */
    public synchronized boolean isDelivered(String id) {
        return rows.containsKey(id) && rows.get(id).delivered();
    }

    private static Entry with(Entry entry, int attempts, String outcome) {
        return new Entry(
                entry.id(),
                entry.project(),
                entry.type(),
                entry.body(),
                entry.recordedAt(),
                attempts,
                Optional.of(outcome));
    }

    private void check() {
        if (!available) {
            throw new ConnectionStoreUnavailable("in-memory outbox switched off", null);
        }
    }
}
