package health.wearables.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A connection ready to be stored: who, when, and the tokens only as ciphertext bound to the {@link ConnectionKey}.
 */
public record SealedCredentials(
        ConnectionKey key,
        SealedToken accessToken,
        Optional<SealedToken> refreshToken,
        Optional<SealedToken> tokenSecret,
        Optional<Instant> accessTokenExpiresAt,
        List<String> scopes,
        Optional<String> providerUserId,
        Instant connectedAt) {

    public SealedCredentials {
        scopes = List.copyOf(scopes);
    }

    /** Whether these credentials stand on their own: a refresh token (OAuth 2.0) or a token secret (OAuth 1.0a). */
    public boolean isWhole() {
        return refreshToken.isPresent() || tokenSecret.isPresent();
    }

    /**
     * What a reconnect stores over {@code stored}: these credentials, keeping the stored refresh token (and provider
     * user id) where these carry none, since a refresh token is never overwritten with nothing (hostile case 35).
     */
    public SealedCredentials over(SealedCredentials stored) {
        if (isWhole()) {
            return this;
        }
        return new SealedCredentials(
                key,
                accessToken,
                stored.refreshToken(),
                tokenSecret,
                accessTokenExpiresAt,
                scopes,
                providerUserId.or(stored::providerUserId),
                connectedAt);
    }
}
