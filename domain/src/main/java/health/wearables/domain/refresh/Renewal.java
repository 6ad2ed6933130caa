package health.wearables.domain.refresh;

import health.wearables.domain.SealedCredentials;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * What refreshing a connection's credentials came to, for whoever needs a usable access token (a sync job, the
 * keep-alive pass) and for the metrics of refreshes by outcome. Usable credentials are stored (or, when the store was
 * down, held in the credential inbox) before anyone gets them.
 */
public sealed interface Renewal {

    static Renewal refreshed(SealedCredentials credentials) {
        return new Refreshed(credentials);
    }

    static Renewal renewedElsewhere(SealedCredentials credentials) {
        return new RenewedElsewhere(credentials);
    }

    static Renewal reauthRequired(String reason) {
        return new ReauthRequired(reason);
    }

    static Renewal retryLater(String reason, Instant notBefore) {
        return new RetryLater(reason, notBefore);
    }

    static Renewal disconnected() {
        return new Disconnected();
    }

    <R> R fold(
            Function<Refreshed, R> onRefreshed,
            Function<RenewedElsewhere, R> onRenewedElsewhere,
            Function<ReauthRequired, R> onReauthRequired,
            Function<RetryLater, R> onRetryLater,
            Function<Disconnected, R> onDisconnected);

    /** Refreshed here: the provider was asked once, and the new credentials are kept. */
    record Refreshed(SealedCredentials credentials) implements Renewal {
        public Refreshed {
            Objects.requireNonNull(credentials, "credentials");
        }

        @Override
        public <R> R fold(
                Function<Refreshed, R> onRefreshed,
                Function<RenewedElsewhere, R> onRenewedElsewhere,
                Function<ReauthRequired, R> onReauthRequired,
                Function<RetryLater, R> onRetryLater,
                Function<Disconnected, R> onDisconnected) {
            return onRefreshed.apply(this);
        }
    }

    /** Renewed by someone else meanwhile (another instance, a reconnect): the provider was not asked. */
    record RenewedElsewhere(SealedCredentials credentials) implements Renewal {
        public RenewedElsewhere {
            Objects.requireNonNull(credentials, "credentials");
        }

        @Override
        public <R> R fold(
                Function<Refreshed, R> onRefreshed,
                Function<RenewedElsewhere, R> onRenewedElsewhere,
                Function<ReauthRequired, R> onReauthRequired,
                Function<RetryLater, R> onRetryLater,
                Function<Disconnected, R> onDisconnected) {
            return onRenewedElsewhere.apply(this);
        }
    }

    /**
     * The provider refused the refresh token (or there is none to renew a refused token with): the connection is
     * marked {@code reauth_required} and never refreshed again until the patient connects again. The reason is ours,
     * or the provider's registered error code.
     */
    record ReauthRequired(String reason) implements Renewal {
        @Override
        public <R> R fold(
                Function<Refreshed, R> onRefreshed,
                Function<RenewedElsewhere, R> onRenewedElsewhere,
                Function<ReauthRequired, R> onReauthRequired,
                Function<RetryLater, R> onRetryLater,
                Function<Disconnected, R> onDisconnected) {
            return onReauthRequired.apply(this);
        }
    }

    /**
     * A transient fault (the token endpoint failed, timed out or answered 429; a store could not be reached; another
     * instance kept the lease): the connection stays active, and the refresh is tried again, not before
     * {@code notBefore}.
     */
    record RetryLater(String reason, Instant notBefore) implements Renewal {
        public RetryLater {
            Objects.requireNonNull(notBefore, "notBefore");
        }

        @Override
        public <R> R fold(
                Function<Refreshed, R> onRefreshed,
                Function<RenewedElsewhere, R> onRenewedElsewhere,
                Function<ReauthRequired, R> onReauthRequired,
                Function<RetryLater, R> onRetryLater,
                Function<Disconnected, R> onDisconnected) {
            return onRetryLater.apply(this);
        }
    }

    /** The connection no longer has credentials (it ended): nothing to refresh, nothing to use. */
    record Disconnected() implements Renewal {
        @Override
        public <R> R fold(
                Function<Refreshed, R> onRefreshed,
                Function<RenewedElsewhere, R> onRenewedElsewhere,
                Function<ReauthRequired, R> onReauthRequired,
                Function<RetryLater, R> onRetryLater,
                Function<Disconnected, R> onDisconnected) {
            return onDisconnected.apply(this);
        }
    }
}
