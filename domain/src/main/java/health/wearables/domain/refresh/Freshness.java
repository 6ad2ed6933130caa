package health.wearables.domain.refresh;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Whether a connection's access token can be used for a data request now, judged before the request rather than after
 * the provider refuses it: a token that expires within the margin is refreshed first.
 */
public sealed interface Freshness {

    /**
     * The freshness of an access token that expires at {@code expiresAt} (empty: the provider gave no lifetime, so it
     * is taken as valid until the provider says otherwise).
     */
    static Freshness of(Optional<Instant> expiresAt, boolean refreshable, Duration margin, Instant now) {
        if (expiresAt.isEmpty() || expiresAt.get().isAfter(now.plus(margin))) {
            return new Fresh();
        }
        return refreshable ? new RefreshDue(expiresAt.get()) : new Expiring(expiresAt.get());
    }

    <R> R fold(Supplier<R> onFresh, Function<RefreshDue, R> onRefreshDue, Function<Expiring, R> onExpiring);

    /** Usable as it is. */
    record Fresh() implements Freshness {
        @Override
        public <R> R fold(Supplier<R> onFresh, Function<RefreshDue, R> onRefreshDue, Function<Expiring, R> onExpiring) {
            return onFresh.get();
        }
    }

    /** Expires within the margin (or has expired) and can be refreshed: refresh before use. */
    record RefreshDue(Instant expiresAt) implements Freshness {
        @Override
        public <R> R fold(Supplier<R> onFresh, Function<RefreshDue, R> onRefreshDue, Function<Expiring, R> onExpiring) {
            return onRefreshDue.apply(this);
        }
    }

    /**
     * Expires within the margin and cannot be refreshed (the provider issued no refresh token): used while it lasts;
     * once the provider refuses it, the patient must connect again.
     */
    record Expiring(Instant expiresAt) implements Freshness {
        @Override
        public <R> R fold(Supplier<R> onFresh, Function<RefreshDue, R> onRefreshDue, Function<Expiring, R> onExpiring) {
            return onExpiring.apply(this);
        }
    }
}
