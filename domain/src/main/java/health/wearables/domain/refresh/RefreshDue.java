package health.wearables.domain.refresh;

import health.wearables.domain.ConnectionKey;
import health.wearables.domain.SealedCredentials;
import java.util.Objects;
import java.util.Optional;

/**
 * State 1 of a refresh: credentials found wanting, because their access token expires within the margin or because the
 * provider's data API refused it. Whoever holds the connection's refresh lease reads the credentials again
 * ({@link #reread}) and refreshes only credentials that are still these: never with a refresh token read before the
 * lease, since a rotating refresh token works once.
 *
 * <p>Which credentials are newer is told by {@link SealedCredentials#connectedAt()}, the instant their tokens were
 * issued: a callback's exchange or a refresh (the connection listing's {@code connectedAt} says the same).
 */
public record RefreshDue(SealedCredentials wanting) {

    public RefreshDue {
        Objects.requireNonNull(wanting, "wanting");
    }

    public ConnectionKey key() {
        return wanting.key();
    }

    /**
     * Transition to {@link Reread}, given what the connection store holds now and what the credential inbox holds for
     * the connection (a refresh whose store failed waits there until the recovery pass writes it). Of the two, the
     * credentials issued later count; when both were issued at once, the stored ones.
     *
     * <p>Credentials issued after the wanting ones were renewed meanwhile (refreshed by another holder, or a reconnect):
     * they are used as they are, and the provider is not asked.
     */
    public Reread reread(Optional<SealedCredentials> stored, Optional<SealedCredentials> held) {
        Optional<SealedCredentials> current = newer(held, stored);
        if (current.isEmpty()) {
            return new Reread.Disconnected();
        }
        SealedCredentials now = current.get();
        if (now.connectedAt().isAfter(wanting.connectedAt())) {
            return new Reread.RenewedMeanwhile(now);
        }
        if (now.refreshToken().isEmpty()) {
            return new Reread.NotRefreshable(now);
        }
        return new Reread.Refreshable(now, stored);
    }

    /** The held credentials when they were issued after the stored ones (or nothing is stored), else the stored. */
    private static Optional<SealedCredentials> newer(
            Optional<SealedCredentials> held, Optional<SealedCredentials> stored) {
        if (held.isPresent()
                && (stored.isEmpty()
                        || held.get().connectedAt().isAfter(stored.get().connectedAt()))) {
            return held;
        }
        return stored;
    }
}
