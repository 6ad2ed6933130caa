package health.wearables.application.service;

import health.wearables.application.port.out.ConnectionStoreUnavailable;
import health.wearables.application.port.out.ObservationStore;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.sync.ObservationDraft;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Observations by identifier, as the FHIR store keeps them: the same identifier written again is one Observation (a
 * new value replaces the old one). Counts the transactions (one a page); can be switched off.
 */
final class RecordingObservationStore implements ObservationStore {
    private final Map<String, ObservationDraft> byIdentifier = new LinkedHashMap<>();
    private int transactions;
    private volatile boolean available = true;
    private volatile java.util.function.Predicate<ConnectionKey> live = connection -> true;

    void setAvailable(boolean available) {
        this.available = available;
    }

    /** Refuses, as the FHIR store does, the pages of a connection for which {@code live} does not hold. */
    void liveWhile(java.util.function.Predicate<ConnectionKey> live) {
        this.live = live;
    }

    @Override
    public synchronized int write(ConnectionKey connection, List<ObservationDraft> page) {
        if (!available) {
            throw new ConnectionStoreUnavailable("observation store switched off", null);
        }
        if (!live.test(connection)) {
            throw new health.wearables.application.port.out.ConnectionEnded("ended");
        }
        transactions++;
        int changed = 0;
        for (ObservationDraft draft : page) {
            if (!draft.connection().equals(connection)) {
                throw new IllegalArgumentException("a page holds one connection's Observations");
            }
            if (!draft.equals(byIdentifier.put(draft.identifier(), draft))) {
                changed++;
            }
        }
        return changed;
    }

    synchronized List<ObservationDraft> observations() {
        return List.copyOf(byIdentifier.values());
    }

    synchronized int transactions() {
        return transactions;
    }
}
