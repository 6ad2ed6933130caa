package health.wearables.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a successful token exchange yields, normalised: the expiry is absolute and clamped, scopes are a list, the
 * refresh token may be absent (then the connection is not refreshable). OAuth 1.0a token credentials are the token
 * as access token plus its {@code tokenSecret}; they neither expire nor refresh.
 */
public record TokenSet(
        AccessToken accessToken,
        Optional<RefreshToken> refreshToken,
        Optional<Oauth1TokenSecret> tokenSecret,
        Optional<Instant> accessTokenExpiresAt,
        List<String> scopes,
        Optional<String> providerUserId) {

    /** Lifetimes beyond this are treated as this: a token that claims to live for years is not believed. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(366);
    /** A zero or negative lifetime is read as "expires now", never as "never expires". */
    public static final Duration MIN_LIFETIME = Duration.ZERO;

    public TokenSet {
        scopes = List.copyOf(scopes);
        if (tokenSecret.isPresent() && (refreshToken.isPresent() || accessTokenExpiresAt.isPresent())) {
            throw new IllegalArgumentException("OAuth 1.0a token credentials neither refresh nor expire");
        }
    }

    /** OAuth 2.0 tokens. */
    public TokenSet(
            AccessToken accessToken,
            Optional<RefreshToken> refreshToken,
            Optional<Instant> accessTokenExpiresAt,
            List<String> scopes,
            Optional<String> providerUserId) {
        this(accessToken, refreshToken, Optional.empty(), accessTokenExpiresAt, scopes, providerUserId);
    }

    /** OAuth 1.0a token credentials (RFC 5849 §2.3). */
    public static TokenSet oauth1(Oauth1Token token, Oauth1TokenSecret secret, Optional<String> providerUserId) {
        return new TokenSet(
                new AccessToken(token.value()),
                Optional.empty(),
                Optional.of(secret),
                Optional.empty(),
                List.of(),
                providerUserId);
    }

    /** The same tokens with the scopes the provider reports as granted (a list separated by spaces or commas). */
    public TokenSet withGrantedScopes(String granted) {
        return new TokenSet(
                accessToken,
                refreshToken,
                tokenSecret,
                accessTokenExpiresAt,
                java.util.Arrays.stream(granted.split("[,\\s]+"))
                        .filter(scope -> !scope.isEmpty())
                        .toList(),
                providerUserId);
    }

    /** The same tokens, recorded as the provider's user {@code userId}. */
    public TokenSet withProviderUserId(Optional<String> userId) {
        return new TokenSet(accessToken, refreshToken, tokenSecret, accessTokenExpiresAt, scopes, userId);
    }

    /** The same tokens with another absolute expiry of the access token. */
    public TokenSet withExpiry(Instant expiresAt) {
        return new TokenSet(accessToken, refreshToken, tokenSecret, Optional.of(expiresAt), scopes, providerUserId);
    }

    /**
     * Turns a provider's relative {@code expires_in} into an absolute, clamped instant; absent stays absent.
     */
    public static Optional<Instant> expiryFrom(Optional<Long> expiresInSeconds, Instant now) {
        return expiresInSeconds.map(seconds -> {
            long clamped = Math.max(MIN_LIFETIME.toSeconds(), Math.min(MAX_LIFETIME.toSeconds(), seconds));
            return now.plusSeconds(clamped);
        });
    }

    /** The same for providers that send an absolute {@code expires_at} (epoch seconds), clamped to the same window. */
    public static Instant clampAbsolute(Instant expiresAt, Instant now) {
        Instant latest = now.plus(MAX_LIFETIME);
        if (expiresAt.isBefore(now)) {
            return now;
        }
        return expiresAt.isAfter(latest) ? latest : expiresAt;
    }
}
