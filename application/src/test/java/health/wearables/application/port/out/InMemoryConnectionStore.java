package health.wearables.application.port.out;

import health.wearables.domain.ConnectionKey;
import health.wearables.domain.ConnectionStatus;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.StoredConnection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

public final class InMemoryConnectionStore implements ConnectionStore {
    private record Row(String id, SealedCredentials credentials) {
    }

    private final Map<ConnectionKey, Row> rows = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    @Override
    public synchronized StoredConnection save(SealedCredentials credentials) {
        Row existing = rows.get(credentials.key());
        SealedCredentials merged = existing == null || credentials.refreshToken().isPresent()
                ? credentials
                : new SealedCredentials(credentials.key(), credentials.accessToken(),
                        existing.credentials().refreshToken(), credentials.tokenSecret(),
                        credentials.accessTokenExpiresAt(),
                        credentials.scopes(), credentials.providerUserId(), credentials.connectedAt());
        Row row = new Row(existing == null ? String.valueOf(ids.incrementAndGet()) : existing.id(), merged);
        rows.put(credentials.key(), row);
        return view(row);
    }

    @Override
    public List<StoredConnection> list(ProjectId project, Optional<PatientId> patient) {
        return rows.values().stream()
                .filter(row -> row.credentials().key().project().equals(project))
                .filter(row -> patient.map(p -> row.credentials().key().patient().equals(p)).orElse(true))
                .map(InMemoryConnectionStore::view)
                .sorted(Comparator.comparing(StoredConnection::endpointId))
                .toList();
    }

    @Override
    public Optional<SealedCredentials> find(ConnectionKey key) {
        return Optional.ofNullable(rows.get(key)).map(Row::credentials);
    }

    @Override
    public List<ConnectionKey> keys() {
        return List.copyOf(rows.keySet());
    }

    @Override
    public synchronized boolean replace(SealedCredentials expected, SealedCredentials replacement) {
        Row row = rows.get(expected.key());
        if (row == null || !row.credentials().equals(expected) || !replacement.key().equals(expected.key())) {
            return false;
        }
        rows.put(expected.key(), new Row(row.id(), replacement));
        return true;
    }

    private static StoredConnection view(Row row) {
        SealedCredentials c = row.credentials();
        return new StoredConnection(c.key(), row.id(), ConnectionStatus.ACTIVE, c.connectedAt(),
                c.accessTokenExpiresAt(), c.scopes());
    }
}
