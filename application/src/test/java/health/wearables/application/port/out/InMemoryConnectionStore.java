package health.wearables.application.port.out;

import health.wearables.domain.ConnectionKey;
import health.wearables.domain.ConnectionStatus;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.StoredConnection;
import health.wearables.domain.lifecycle.EndReason;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Connections in a map, with their sealed credentials, status and sync marks: one store behind the four ports, as the
 * FHIR store is. Can be switched off, when every call fails as an unreachable store would.
 */
public final class InMemoryConnectionStore
        implements ConnectionStore, StoredCredentials, SyncMarks, ReauthMarks, ConnectionEnding {
    /** A stored connection; an ended one keeps no credentials (the key stays, for the listing). */
    private record Row(
            String id,
            ConnectionKey key,
            Optional<SealedCredentials> held,
            ConnectionStatus status,
            Optional<EndReason> ended,
            SealedCredentials last) {
        Row(String id, SealedCredentials credentials, ConnectionStatus status) {
            this(id, credentials.key(), Optional.of(credentials), status, Optional.empty(), credentials);
        }

        SealedCredentials credentials() {
            return held.orElseThrow();
        }
    }

    private final Set<ConnectionKey> purged = ConcurrentHashMap.newKeySet();

    private final Map<ConnectionKey, Row> rows = new ConcurrentHashMap<>();
    private final Set<ConnectionKey> syncPending = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean available = true;

    public void setAvailable(boolean available) {
        this.available = available;
    }

    @Override
    public synchronized Saved save(SealedCredentials credentials) {
        checkAvailable();
        Row existing = rows.get(credentials.key());
        SealedCredentials merged =
                existing == null || existing.held().isEmpty() ? credentials : credentials.over(existing.credentials());
        Row row = new Row(
                existing == null ? String.valueOf(ids.incrementAndGet()) : existing.id(),
                merged,
                ConnectionStatus.ACTIVE);
        rows.put(credentials.key(), row);
        return new Saved(view(row), existing != null);
    }

    @Override
    public List<StoredConnection> list(ProjectId project, Optional<PatientId> patient) {
        checkAvailable();
        return rows.values().stream()
                .filter(row -> row.key().project().equals(project))
                .filter(row -> patient.map(p -> row.key().patient().equals(p)).orElse(true))
                .map(InMemoryConnectionStore::view)
                .sorted(Comparator.comparing(StoredConnection::endpointId))
                .toList();
    }

    @Override
    public Optional<SealedCredentials> find(ConnectionKey key) {
        checkAvailable();
        return Optional.ofNullable(rows.get(key)).flatMap(Row::held);
    }

    @Override
    public List<ConnectionKey> keys() {
        checkAvailable();
        return List.copyOf(rows.keySet());
    }

    @Override
    public synchronized boolean replace(SealedCredentials expected, SealedCredentials replacement) {
        checkAvailable();
        Row row = rows.get(expected.key());
        if (row == null
                || !row.held().equals(Optional.of(expected))
                || !replacement.key().equals(expected.key())) {
            return false;
        }
        rows.put(expected.key(), new Row(row.id(), replacement, row.status()));
        return true;
    }

    @Override
    public synchronized boolean markReauthRequired(SealedCredentials refused) {
        checkAvailable();
        Row row = rows.get(refused.key());
        if (row == null || !row.held().equals(Optional.of(refused))) {
            return false;
        }
        rows.put(refused.key(), new Row(row.id(), row.credentials(), ConnectionStatus.REAUTH_REQUIRED));
        return true;
    }

    /** Ends the connection as disconnected (a shorthand of {@link #end} for tests). */
    public void revoke(ConnectionKey key) {
        end(key, EndReason.DISCONNECTED);
    }

    @Override
    public synchronized Ending end(ConnectionKey key, EndReason reason) {
        checkAvailable();
        Row row = rows.get(key);
        if (row == null) {
            return new NotFound();
        }
        if (row.ended().isPresent()) {
            return new AlreadyEnded(row.ended().get());
        }
        rows.put(key, new Row(row.id(), key, Optional.empty(), reason.status(), Optional.of(reason), row.last()));
        syncPending.remove(key);
        return new Ended(row.id(), row.held());
    }

    @Override
    public void purge(ConnectionKey key) {
        checkAvailable();
        purged.add(key);
    }

    /** Whether {@link #purge} was asked for this connection. */
    public boolean purged(ConnectionKey key) {
        return purged.contains(key);
    }

    @Override
    public List<StoredConnection> ofProviderUser(ProviderSlug provider, String providerUserId) {
        checkAvailable();
        return rows.values().stream()
                .filter(row -> row.key().provider().equals(provider))
                .filter(row -> row.last().providerUserId().equals(Optional.of(providerUserId)))
                .map(InMemoryConnectionStore::view)
                .sorted(Comparator.comparing(StoredConnection::endpointId))
                .toList();
    }

    @Override
    public synchronized void markSyncPending(ConnectionKey key) {
        checkAvailable();
        if (rows.containsKey(key)) {
            syncPending.add(key);
        }
    }

    @Override
    public List<StoredConnection> syncPending(int max) {
        checkAvailable();
        return syncPending.stream()
                .map(rows::get)
                .filter(row -> row.ended().isEmpty())
                .map(InMemoryConnectionStore::view)
                .sorted(Comparator.comparing(StoredConnection::endpointId))
                .limit(max)
                .toList();
    }

    @Override
    public void clearSyncPending(ConnectionKey key) {
        checkAvailable();
        syncPending.remove(key);
    }

    private void checkAvailable() {
        if (!available) {
            throw new ConnectionStoreUnavailable("in-memory connection store switched off", null);
        }
    }

    private static StoredConnection view(Row row) {
        SealedCredentials c = row.last();
        return new StoredConnection(
                row.key(),
                row.id(),
                row.status(),
                c.connectedAt(),
                row.held().flatMap(SealedCredentials::accessTokenExpiresAt),
                c.scopes());
    }
}
