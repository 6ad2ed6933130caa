package health.wearables.application.service;

import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.application.port.out.LeaseUnavailable;
import health.wearables.application.port.out.PendingRevocations;
import health.wearables.application.port.out.Revocations;
import health.wearables.application.port.out.TokenCipher;
import health.wearables.application.port.out.TokenCipher.TokenKind;
import health.wearables.application.port.out.TokenRefresh;
import health.wearables.domain.AccessToken;
import health.wearables.domain.Backoff;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.Oauth1TokenSecret;
import health.wearables.domain.RefreshToken;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.TokenSet;
import health.wearables.domain.lifecycle.RevocationOutcome;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Asks the provider to revoke one parked grant and settles the parked record by the answer: revoked, not offered, or
 * refused for good → dropped; failed in a way that may pass → asked again after a backoff (30 s, doubling, at most an
 * hour), until {@code retryFor} after it was parked, when it is given up with a WARN. A provider no longer configured
 * cannot be asked: dropped with a WARN. Logs name the provider and the outcome, never a token.
 */
final class Revoking {
    private static final System.Logger LOG = System.getLogger(Revoking.class.getName());
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);
    private static final Backoff BACKOFF = new Backoff(FIRST_RETRY, LONGEST_RETRY);

    private final PendingRevocations pending;
    private final Revocations revocations;
    private final ConfiguredProviders providers;
    private final TokenCipher cipher;
    private final Clock clock;
    private final Duration retryFor;
    private final TokenRefresh refresh;
    private final CredentialSealing sealing;

    Revoking(
            PendingRevocations pending,
            Revocations revocations,
            ConfiguredProviders providers,
            TokenCipher cipher,
            Clock clock,
            Duration retryFor,
            TokenRefresh refresh) {
        this.refresh = refresh;
        this.sealing = new CredentialSealing(cipher);
        this.pending = pending;
        this.revocations = revocations;
        this.providers = providers;
        this.cipher = cipher;
        this.clock = clock;
        this.retryFor = retryFor;
    }

    /** Asks the provider now and settles the record of {@code parked}; what came of the ask. */
    RevocationOutcome ask(PendingRevocations.Parked parked) {
        SealedCredentials credentials = parked.credentials();
        ConnectionKey key = credentials.key();
        Optional<ConfiguredProvider> provider = providers.find(key.provider());
        if (provider.isEmpty()) {
            LOG.log(
                    Level.WARNING,
                    "Revocation at ''{0}'' given up: the provider is no longer configured",
                    key.provider());
            settle(key, () -> pending.drop(key));
            return new RevocationOutcome.Failed("provider not configured", false);
        }
        RevocationOutcome outcome;
        try {
            TokenSet tokens = opened(credentials);
            outcome = revocations.revoke(provider.get(), tokens);
            if (outcome instanceof RevocationOutcome.Failed
                    && expired(tokens)
                    && tokens.refreshToken().isPresent()) {
                outcome = refreshedAndAskedAgain(provider.get(), credentials, tokens);
            }
        } catch (SecurityException unreadable) {
            LOG.log(Level.WARNING, "Revocation at ''{0}'' given up: the sealed tokens do not open", key.provider());
            settle(key, () -> pending.drop(key));
            return new RevocationOutcome.Failed("sealed tokens do not open", false);
        }
        Instant now = clock.instant();
        if (outcome instanceof RevocationOutcome.Failed failed && failed.retryable()) {
            int attempts = parked.attempts() + 1;
            if (!now.isBefore(parked.parkedAt().plus(retryFor))) {
                LOG.log(
                        Level.WARNING,
                        "Revocation at ''{0}'' given up after {1} attempts: {2}",
                        key.provider(),
                        attempts,
                        failed.reason());
                settle(key, () -> pending.drop(key));
            } else {
                LOG.log(
                        Level.INFO,
                        "Revocation at ''{0}'' failed ({1}); asked again later",
                        key.provider(),
                        failed.reason());
                settle(key, () -> pending.retryAt(key, now.plus(backoff(attempts)), attempts));
            }
            return outcome;
        }
        if (outcome instanceof RevocationOutcome.Failed failed) {
            LOG.log(Level.WARNING, "Revocation at ''{0}'' refused: {1}", key.provider(), failed.reason());
        }
        settle(key, () -> pending.drop(key));
        return outcome;
    }

    private boolean expired(TokenSet tokens) {
        return tokens.accessTokenExpiresAt()
                .map(at -> !at.isAfter(clock.instant()))
                .orElse(false);
    }

    /**
     * Most providers' own revocation calls (WHOOP, Polar, Strava, Oura, Garmin) are authorized by the access token, and
     * a connection ended hours after its last refresh holds an expired one: refused for ever. So a failed ask with an
     * expired access token refreshes once and asks again. The renewed credentials replace the parked ones first (a
     * rotating provider's old refresh token no longer works). A refresh refused with {@code invalid_grant} means the
     * grant is gone already: nothing is left to revoke.
     */
    private RevocationOutcome refreshedAndAskedAgain(
            ConfiguredProvider provider, SealedCredentials credentials, TokenSet expired) {
        ConnectionKey key = credentials.key();
        return refresh.refresh(provider, expired.refreshToken().orElseThrow())
                .fold(
                        exchanged -> {
                            TokenSet renewed = renewed(expired, exchanged.tokens());
                            SealedCredentials sealed = sealing.seal(key, renewed, credentials.connectedAt());
                            settle(key, () -> pending.renew(sealed));
                            return revocations.revoke(provider, renewed);
                        },
                        refused -> refused.isInvalidGrant()
                                ? new RevocationOutcome.Failed(
                                        "the access token had expired and the refresh token was refused: the grant is"
                                                + " gone already",
                                        false)
                                : new RevocationOutcome.Failed(
                                        "the access token had expired and its refresh was refused ("
                                                + refused.oauthError() + ")",
                                        true),
                        failed -> new RevocationOutcome.Failed(
                                "the access token had expired and could not be refreshed", true));
    }

    /** The refreshed tokens, with what the refresh answer leaves out kept from before (the provider's user id). */
    private static TokenSet renewed(TokenSet before, TokenSet refreshed) {
        return new TokenSet(
                refreshed.accessToken(),
                refreshed.refreshToken().or(before::refreshToken),
                Optional.empty(),
                refreshed.accessTokenExpiresAt(),
                refreshed.scopes().isEmpty() ? before.scopes() : refreshed.scopes(),
                refreshed.providerUserId().or(before::providerUserId));
    }

    /** 30 s after the first failure, doubling, at most an hour. */
    static Duration backoff(int attempts) {
        return BACKOFF.after(attempts);
    }

    private TokenSet opened(SealedCredentials credentials) {
        ConnectionKey key = credentials.key();
        AccessToken access = new AccessToken(cipher.open(key, TokenKind.ACCESS, credentials.accessToken()));
        Optional<RefreshToken> refresh =
                credentials.refreshToken().map(token -> new RefreshToken(cipher.open(key, TokenKind.REFRESH, token)));
        Optional<Oauth1TokenSecret> secret = credentials
                .tokenSecret()
                .map(token -> new Oauth1TokenSecret(cipher.open(key, TokenKind.TOKEN_SECRET, token)));
        return new TokenSet(
                access,
                secret.isPresent() ? Optional.empty() : refresh,
                secret,
                secret.isPresent() ? Optional.empty() : credentials.accessTokenExpiresAt(),
                credentials.scopes(),
                credentials.providerUserId());
    }

    /** A record that could not be settled stays as it was: it comes due again, and is asked again then. */
    private static void settle(ConnectionKey key, Runnable change) {
        try {
            change.run();
        } catch (LeaseUnavailable e) {
            LOG.log(
                    Level.WARNING,
                    "The revocation record of a ''{0}'' connection could not be updated ({1}); it is asked again",
                    key.provider(),
                    e.getMessage());
        }
    }
}
