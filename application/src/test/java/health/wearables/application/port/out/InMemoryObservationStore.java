package health.wearables.application.port.out;

import health.wearables.domain.ConnectionKey;
import health.wearables.domain.sync.ObservationDraft;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Observations in a map by identifier, each with its version, as the FHIR store keeps them: a draft written again
 * unchanged stores nothing, a changed one a new version. Can be switched off, when every call fails as an unreachable
 * store would.
 */
public final class InMemoryObservationStore implements ObservationStore {
    /** A stored Observation: the draft it was written from, and its version (1 when first written). */
    public record Stored(ObservationDraft draft, long version) {}

    private final Map<String, Stored> byIdentifier = new LinkedHashMap<>();
    private volatile boolean available = true;

    public void setAvailable(boolean available) {
        this.available = available;
    }

    @Override
    public synchronized int write(ConnectionKey connection, List<ObservationDraft> page) {
        if (!available) {
            throw new ConnectionStoreUnavailable("in-memory observation store switched off", null);
        }
        if (page.stream().anyMatch(draft -> !draft.connection().equals(connection))) {
            throw new IllegalArgumentException("a page holds the drafts of one connection only");
        }
        Map<String, ObservationDraft> latest = new LinkedHashMap<>();
        page.forEach(draft -> latest.put(draft.identifier(), draft));
        int changed = 0;
        for (ObservationDraft draft : latest.values()) {
            Stored stored = byIdentifier.get(draft.identifier());
            if (stored == null) {
                byIdentifier.put(draft.identifier(), new Stored(draft, 1));
                changed++;
            } else if (!stored.draft().equals(draft)) {
                byIdentifier.put(draft.identifier(), new Stored(draft, stored.version() + 1));
                changed++;
            }
        }
        return changed;
    }

    /** The connection's Observations, in the order they were first written. */
    public synchronized List<Stored> of(ConnectionKey connection) {
        return byIdentifier.values().stream()
                .filter(stored -> stored.draft().connection().equals(connection))
                .toList();
    }

    /** Every Observation of every connection. */
    public synchronized int size() {
        return byIdentifier.size();
    }
}
