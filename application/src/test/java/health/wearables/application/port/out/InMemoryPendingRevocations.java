package health.wearables.application.port.out;

import health.wearables.domain.ConnectionKey;
import health.wearables.domain.SealedCredentials;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link PendingRevocations} in memory, for the use cases' tests; can be switched off like Redis going away. */
public final class InMemoryPendingRevocations implements PendingRevocations {
    private record Entry(Parked parked, Instant due) {}

    private final Map<ConnectionKey, Entry> entries = new ConcurrentHashMap<>();
    private volatile boolean available = true;

    public void setAvailable(boolean available) {
        this.available = available;
    }

    @Override
    public synchronized void park(SealedCredentials credentials, Instant parkedAt, Instant due) {
        check();
        entries.put(credentials.key(), new Entry(new Parked(credentials, parkedAt, 0), due));
    }

    @Override
    public synchronized List<Parked> claimDue(Instant now, int max, Instant until) {
        check();
        List<Map.Entry<ConnectionKey, Entry>> claimed = entries.entrySet().stream()
                .filter(entry -> !entry.getValue().due().isAfter(now))
                .sorted(Comparator.comparing(entry -> entry.getValue().due()))
                .limit(max)
                .toList();
        claimed.forEach(
                entry -> entries.put(entry.getKey(), new Entry(entry.getValue().parked(), until)));
        return claimed.stream().map(entry -> entry.getValue().parked()).toList();
    }

    @Override
    public synchronized void retryAt(ConnectionKey key, Instant next, int attempts) {
        check();
        entries.computeIfPresent(
                key,
                (k, entry) -> new Entry(
                        new Parked(entry.parked().credentials(), entry.parked().parkedAt(), attempts), next));
    }

    @Override
    public synchronized void renew(SealedCredentials renewed) {
        check();
        entries.computeIfPresent(
                renewed.key(),
                (k, entry) -> new Entry(
                        new Parked(
                                renewed,
                                entry.parked().parkedAt(),
                                entry.parked().attempts()),
                        entry.due()));
    }

    @Override
    public synchronized void drop(ConnectionKey key) {
        check();
        entries.remove(key);
    }

    /** Whatever is parked, due or not. */
    public List<Parked> all() {
        return entries.values().stream().map(Entry::parked).toList();
    }

    private void check() {
        if (!available) {
            throw new LeaseUnavailable("in-memory pending revocations switched off", null);
        }
    }
}
