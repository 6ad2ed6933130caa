package health.wearables.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One line of a project's connection listing, without token material: a stored connection with its Endpoint, or
 * credentials still held for a retry ({@link ConnectionStatus#PENDING}, no Endpoint yet).
 */
public record ListedConnection(
        ConnectionKey key,
        Optional<String> endpointId,
        ConnectionStatus status,
        Instant connectedAt,
        Optional<Instant> accessTokenExpiresAt,
        List<String> scopes) {

    public ListedConnection {
        scopes = List.copyOf(scopes);
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
