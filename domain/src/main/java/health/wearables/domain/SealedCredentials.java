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
}
