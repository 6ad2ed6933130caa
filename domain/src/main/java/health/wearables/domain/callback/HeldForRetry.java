package health.wearables.domain.callback;

import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.Project;
import java.util.Optional;
import java.util.function.Function;

/**
 * State 5 when the connection store failed after the exchange: the tokens are sealed and held for a retry, which
 * stores them and queues the initial sync. The patient is told the connection is pending.
 */
public record HeldForRetry(PendingAuthorization pending) implements Kept, Concluded {

    @Override
    public <R> R fold(Function<? super Persisted, R> onPersisted, Function<? super HeldForRetry, R> onHeld) {
        return onHeld.apply(this);
    }

    @Override
    public CallbackAnswer answer(Optional<Project> projectNow) {
        return CallbackAnswer.pending(pending, projectNow);
    }
}
