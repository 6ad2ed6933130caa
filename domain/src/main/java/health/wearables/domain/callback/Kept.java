package health.wearables.domain.callback;

import java.util.function.Function;

/**
 * State 5: the issued tokens are kept, either stored as the connection ({@link Persisted}) or, when the store could
 * not take them, sealed and held for a retry ({@link HeldForRetry}). Either way nothing is lost.
 */
public sealed interface Kept permits Persisted, HeldForRetry {

    <R> R fold(Function<? super Persisted, R> onPersisted, Function<? super HeldForRetry, R> onHeld);
}
