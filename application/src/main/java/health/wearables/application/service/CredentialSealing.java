package health.wearables.application.service;

import health.wearables.application.port.out.TokenCipher;
import health.wearables.application.port.out.TokenCipher.TokenKind;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.TokenSet;
import java.time.Instant;

/** Turns tokens in memory into credentials that only hold ciphertext, each token bound to its connection and kind. */
final class CredentialSealing {
    private final TokenCipher cipher;

    CredentialSealing(TokenCipher cipher) {
        this.cipher = cipher;
    }

    SealedCredentials seal(ConnectionKey key, TokenSet tokens, Instant now) {
        return new SealedCredentials(
                key,
                cipher.seal(key, TokenKind.ACCESS, tokens.accessToken().value()),
                tokens.refreshToken().map(refresh -> cipher.seal(key, TokenKind.REFRESH, refresh.value())),
                tokens.tokenSecret().map(secret -> cipher.seal(key, TokenKind.TOKEN_SECRET, secret.value())),
                tokens.accessTokenExpiresAt(),
                tokens.scopes(),
                tokens.providerUserId(),
                now);
    }
}
