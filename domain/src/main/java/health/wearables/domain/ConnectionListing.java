package health.wearables.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a project sees of its connections: the stored ones, and the ones whose credentials are held for a retry
 * (pending). For one connection only one line is shown: the held credentials replace the stored connection when they
 * are newer (a reconnect the store could not take yet), and are hidden when the stored one is as new or newer (it was
 * written by the retry, or by a later reconnect). {@code complete} is false when one of the two could not be read.
 */
public record ConnectionListing(List<ListedConnection> connections, boolean complete) {

    public ConnectionListing {
        connections = List.copyOf(connections);
    }

    public static ConnectionListing of(List<StoredConnection> stored, List<SealedCredentials> held, boolean complete) {
        Map<ConnectionKey, ListedConnection> byKey = new LinkedHashMap<>();
        stored.forEach(connection -> byKey.put(connection.key(), ListedConnection.stored(connection)));
        List<SealedCredentials> heldInOrder = new ArrayList<>(held);
        heldInOrder.sort(Comparator.comparing(credentials -> credentials.key().canonical()));
        for (SealedCredentials credentials : heldInOrder) {
            ListedConnection current = byKey.get(credentials.key());
            if (current == null || current.connectedAt().isBefore(credentials.connectedAt())) {
                byKey.put(credentials.key(), ListedConnection.held(credentials));
            }
        }
        return new ConnectionListing(new ArrayList<>(byKey.values()), complete);
    }
}
