package health.wearables.domain.refresh;

import health.wearables.domain.RefreshToken;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.SealedToken;
import health.wearables.domain.TokenSet;
import health.wearables.domain.callback.ExchangeResult;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** State 2 of a refresh: the credentials read again with the refresh lease held, and what that leaves to do. */
public sealed interface Reread {

    <R> R fold(
            Function<RenewedMeanwhile, R> onRenewed,
            Function<Disconnected, R> onDisconnected,
            Function<NotRefreshable, R> onNotRefreshable,
            Function<Refreshable, R> onRefreshable);

    /** Newer credentials were issued meanwhile (another holder refreshed, or the patient reconnected): use them. */
    record RenewedMeanwhile(SealedCredentials current) implements Reread {
        @Override
        public <R> R fold(
                Function<RenewedMeanwhile, R> onRenewed,
                Function<Disconnected, R> onDisconnected,
                Function<NotRefreshable, R> onNotRefreshable,
                Function<Refreshable, R> onRefreshable) {
            return onRenewed.apply(this);
        }
    }

    /** No credentials are kept for the connection any more: nothing to refresh. */
    record Disconnected() implements Reread {
        @Override
        public <R> R fold(
                Function<RenewedMeanwhile, R> onRenewed,
                Function<Disconnected, R> onDisconnected,
                Function<NotRefreshable, R> onNotRefreshable,
                Function<Refreshable, R> onRefreshable) {
            return onDisconnected.apply(this);
        }
    }

    /**
     * Still the wanting credentials, and no refresh token to renew them with (OAuth 1.0a, or a provider that issued
     * none): once the provider refuses their access token, only the patient can renew them.
     */
    record NotRefreshable(SealedCredentials current) implements Reread {
        @Override
        public <R> R fold(
                Function<RenewedMeanwhile, R> onRenewed,
                Function<Disconnected, R> onDisconnected,
                Function<NotRefreshable, R> onNotRefreshable,
                Function<Refreshable, R> onRefreshable) {
            return onNotRefreshable.apply(this);
        }
    }

    /**
     * Still the wanting credentials: refresh them, once, with their refresh token. {@code stored} is what the
     * connection store holds now, the value the new credentials are compared against when they are stored; it is not
     * {@code current} when current came from the credential inbox.
     */
    record Refreshable(SealedCredentials current, Optional<SealedCredentials> stored) implements Reread {
        public Refreshable {
            Objects.requireNonNull(stored, "stored");
            if (current.refreshToken().isEmpty()) {
                throw new IllegalArgumentException("credentials without a refresh token are not refreshable");
            }
        }

        @Override
        public <R> R fold(
                Function<RenewedMeanwhile, R> onRenewed,
                Function<Disconnected, R> onDisconnected,
                Function<NotRefreshable, R> onNotRefreshable,
                Function<Refreshable, R> onRefreshable) {
            return onRefreshable.apply(this);
        }

        /** The refresh token to send, sealed. */
        public SealedToken refreshToken() {
            return current.refreshToken().orElseThrow();
        }

        /** The credentials taken from the credential inbox, when they were newer than the stored ones. */
        public Optional<SealedCredentials> held() {
            return stored.equals(Optional.of(current)) ? Optional.empty() : Optional.of(current);
        }

        /**
         * Transition to {@link RefreshOutcome}, given the token endpoint's answer to {@code sent}: new tokens keep the
         * refresh token sent when the answer has none, and the granted scopes and the provider's user id of the
         * current credentials when the answer leaves them out (RFC 6749 §5.1: an omitted scope is the one granted).
         */
        public RefreshOutcome answered(ExchangeResult result, RefreshToken sent) {
            return RefreshOutcome.of(result, Optional.of(sent))
                    .fold(
                            refreshed -> new RefreshOutcome.Refreshed(completed(refreshed.tokens())),
                            refused -> refused,
                            later -> later);
        }

        /**
         * Whether {@code storedNow}, found where the new credentials were to be stored, was issued after the current
         * ones: a reconnect (or a refresh by a holder whose lease outlived ours) won, and the new credentials are
         * dropped. Anything else there (the same tokens sealed again under a new key, an older refresh written by the
         * recovery pass) is older, and the new credentials replace it.
         */
        public boolean overtakenBy(SealedCredentials storedNow) {
            return storedNow.connectedAt().isAfter(current.connectedAt());
        }

        private TokenSet completed(TokenSet fresh) {
            return new TokenSet(
                    fresh.accessToken(),
                    fresh.refreshToken(),
                    fresh.tokenSecret(),
                    fresh.accessTokenExpiresAt(),
                    fresh.scopes().isEmpty() ? current.scopes() : fresh.scopes(),
                    fresh.providerUserId().or(current::providerUserId));
        }
    }
}
