package health.wearables.domain.refresh;

import health.wearables.domain.RefreshToken;
import health.wearables.domain.TokenSet;
import health.wearables.domain.callback.ExchangeResult;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a refresh at the provider's token endpoint means for the connection. Only the provider refusing the refresh
 * token itself ({@code invalid_grant}, to which each provider's own refusal is translated by its client) ends the
 * connection; a server error, a timeout, a 429 or an answer that cannot be read leaves it active, to be retried later.
 */
public sealed interface RefreshOutcome {

    /**
     * Reads a token endpoint's answer to a refresh. A provider that answers without a refresh token leaves the stored
     * one in force (RFC 6749 §6: the authorization server MAY issue a new one). The reason of a refresh to retry is
     * ours: a provider's error code is named only when it looks like one, so nothing a vendor wrote reaches a log.
     */
    static RefreshOutcome of(ExchangeResult result, Optional<RefreshToken> stored) {
        return result.fold(
                exchanged -> new Refreshed(keepRefreshToken(exchanged.tokens(), stored)),
                refused -> refused.isInvalidGrant()
                        ? new ReauthRequired(refused.oauthError())
                        : new RetryLater(
                                "the provider refused the refresh with "
                                        + (refused.oauthError().matches("[a-z_]{1,40}")
                                                ? refused.oauthError()
                                                : "another error"),
                                Optional.empty()),
                failed -> new RetryLater(failed.reason(), Optional.empty()));
    }

    private static TokenSet keepRefreshToken(TokenSet fresh, Optional<RefreshToken> stored) {
        if (fresh.refreshToken().isPresent()) {
            return fresh;
        }
        return new TokenSet(
                fresh.accessToken(),
                stored,
                fresh.tokenSecret(),
                fresh.accessTokenExpiresAt(),
                fresh.scopes(),
                fresh.providerUserId());
    }

    <R> R fold(
            Function<Refreshed, R> onRefreshed,
            Function<ReauthRequired, R> onReauthRequired,
            Function<RetryLater, R> onRetryLater);

    /** New tokens, to be stored before anything uses them. */
    record Refreshed(TokenSet tokens) implements RefreshOutcome {
        @Override
        public <R> R fold(
                Function<Refreshed, R> onRefreshed,
                Function<ReauthRequired, R> onReauthRequired,
                Function<RetryLater, R> onRetryLater) {
            return onRefreshed.apply(this);
        }
    }

    /** The provider refused the refresh token: the patient must connect again. The code is the provider's. */
    record ReauthRequired(String providerError) implements RefreshOutcome {
        @Override
        public <R> R fold(
                Function<Refreshed, R> onRefreshed,
                Function<ReauthRequired, R> onReauthRequired,
                Function<RetryLater, R> onRetryLater) {
            return onReauthRequired.apply(this);
        }
    }

    /** A transient fault: the connection stays active and the refresh is tried again, not before {@code after}. */
    record RetryLater(String reason, Optional<Duration> after) implements RefreshOutcome {
        @Override
        public <R> R fold(
                Function<Refreshed, R> onRefreshed,
                Function<ReauthRequired, R> onReauthRequired,
                Function<RetryLater, R> onRetryLater) {
            return onRetryLater.apply(this);
        }
    }
}
