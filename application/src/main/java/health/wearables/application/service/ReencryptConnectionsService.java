package health.wearables.application.service;

import health.wearables.application.port.in.ReencryptConnections;
import health.wearables.application.port.out.StoredCredentials;
import health.wearables.application.port.out.TokenCipher;
import health.wearables.application.port.out.TokenCipher.TokenKind;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.SealedToken;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One pass over every connection: each token sealed under a key other than the primary is opened and sealed again
 * (same connection, same kind), and the credentials are written back only if nothing changed them meanwhile. Nothing
 * else about a connection changes. A connection that cannot be handled is counted and left as it was.
 */
public final class ReencryptConnectionsService implements ReencryptConnections {
    private static final System.Logger LOG = System.getLogger(ReencryptConnectionsService.class.getName());

    private final StoredCredentials connections;
    private final TokenCipher cipher;

    public ReencryptConnectionsService(StoredCredentials connections, TokenCipher cipher) {
        this.connections = connections;
        this.cipher = cipher;
    }

    @Override
    public Report run() {
        long primary = cipher.primaryKeyId();
        int seen = 0;
        int moved = 0;
        int current = 0;
        int overtaken = 0;
        int failed = 0;
        for (ConnectionKey key : connections.keys()) {
            seen++;
            try {
                Optional<SealedCredentials> stored = connections.find(key);
                if (stored.isEmpty()) {
                    overtaken++;
                } else if (sealedUnder(stored.get(), primary)) {
                    current++;
                } else if (connections.replace(stored.get(), resealed(stored.get()))) {
                    moved++;
                } else {
                    overtaken++;
                }
            } catch (RuntimeException e) {
                failed++;
                LOG.log(
                        Level.WARNING,
                        "re-encryption left a connection as it was: project={0} provider={1} ({2})",
                        key.project(),
                        key.provider(),
                        e.getClass().getSimpleName());
            }
        }
        Report report = new Report(seen, moved, current, overtaken, failed);
        LOG.log(Level.INFO, "re-encryption pass to key {0}: {1}", Long.toUnsignedString(primary), report);
        return report;
    }

    private static boolean sealedUnder(SealedCredentials credentials, long primary) {
        return tokens(credentials).allMatch(token -> token.keyId() == primary);
    }

    private static Stream<SealedToken> tokens(SealedCredentials credentials) {
        return Stream.of(Optional.of(credentials.accessToken()), credentials.refreshToken(), credentials.tokenSecret())
                .flatMap(Optional::stream);
    }

    private SealedCredentials resealed(SealedCredentials credentials) {
        ConnectionKey key = credentials.key();
        return new SealedCredentials(
                key,
                reseal(key, TokenKind.ACCESS, credentials.accessToken()),
                credentials.refreshToken().map(token -> reseal(key, TokenKind.REFRESH, token)),
                credentials.tokenSecret().map(token -> reseal(key, TokenKind.TOKEN_SECRET, token)),
                credentials.accessTokenExpiresAt(),
                credentials.scopes(),
                credentials.providerUserId(),
                credentials.connectedAt());
    }

    private SealedToken reseal(ConnectionKey key, TokenKind kind, SealedToken token) {
        return cipher.seal(key, kind, cipher.open(key, kind, token));
    }
}
