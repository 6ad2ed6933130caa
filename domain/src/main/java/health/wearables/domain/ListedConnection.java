package health.wearables.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a project's connection listing, without token material: a stored connection with its Endpoint, or
 * credentials still held for a retry ({@link ConnectionStatus#PENDING}, no Endpoint yet).
 *
 * @param lastSyncedAt when the last sync ended; empty before the first
 * @param syncStatus   how the connection's syncing stands
 */
public record ListedConnection(
        ConnectionKey key,
        Optional<String> endpointId,
        ConnectionStatus status,
        Instant connectedAt,
        Optional<Instant> accessTokenExpiresAt,
        List<String> scopes,
        Optional<Instant> lastSyncedAt,
        SyncStatus syncStatus) {

    public ListedConnection {
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(lastSyncedAt, "lastSyncedAt");
        Objects.requireNonNull(syncStatus, "syncStatus");
    }

    /** A connection never synced. */
    public ListedConnection(
            ConnectionKey key,
            Optional<String> endpointId,
            ConnectionStatus status,
            Instant connectedAt,
            Optional<Instant> accessTokenExpiresAt,
            List<String> scopes) {
        this(key, endpointId, status, connectedAt, accessTokenExpiresAt, scopes, Optional.empty(), SyncStatus.NEVER);
    }

    /** The same connection, with how its syncing stands. */
    public ListedConnection synced(Optional<Instant> lastSyncedAt, SyncStatus syncStatus) {
        return new ListedConnection(
                key, endpointId, status, connectedAt, accessTokenExpiresAt, scopes, lastSyncedAt, syncStatus);
    }

    public static ListedConnection stored(StoredConnection connection) {
        return new ListedConnection(
                connection.key(),
                Optional.of(connection.endpointId()),
                connection.status(),
                connection.connectedAt(),
                connection.accessTokenExpiresAt(),
                connection.scopes());
    }

    public static ListedConnection held(SealedCredentials credentials) {
        return new ListedConnection(
                credentials.key(),
                Optional.empty(),
                ConnectionStatus.PENDING,
                credentials.connectedAt(),
                credentials.accessTokenExpiresAt(),
                credentials.scopes());
    }
}
