package health.wearables.domain.sync;

import java.util.Optional;
import java.util.function.Function;

/**
 * The result of one transition of a sync job: the next state, or the job's result, which ends it. Chaining with
 * {@link #then} reads as the arrow chain of the job, as {@link health.wearables.domain.Step} does for the callback.
 */
public sealed interface SyncStep<T> {

    static <T> SyncStep<T> next(T state) {
        return new Next<>(state);
    }

    static <T> SyncStep<T> done(SyncResult result) {
        return new Done<>(result);
    }

    <R> SyncStep<R> then(Function<? super T, SyncStep<R>> next);

    /** The job's result: the last transition applied to the state reached, or the result it already ended with. */
    SyncResult answer(Function<? super T, SyncResult> last);

    /** The result, once the job ended. */
    Optional<SyncResult> ended();

    /** Applies {@code next} until the job ends: the walk over a provider's pages, one page a step. */
    default SyncResult repeat(Function<? super T, SyncStep<T>> next) {
        SyncStep<T> step = this;
        while (step.ended().isEmpty()) {
            step = step.then(next);
        }
        return step.ended().get();
    }

    record Next<T>(T state) implements SyncStep<T> {
        @Override
        public <R> SyncStep<R> then(Function<? super T, SyncStep<R>> next) {
            return next.apply(state);
        }

        @Override
        public SyncResult answer(Function<? super T, SyncResult> last) {
            return last.apply(state);
        }

        @Override
        public Optional<SyncResult> ended() {
            return Optional.empty();
        }
    }

    record Done<T>(SyncResult result) implements SyncStep<T> {
        @Override
        public <R> SyncStep<R> then(Function<? super T, SyncStep<R>> next) {
            return new Done<>(result);
        }

        @Override
        public SyncResult answer(Function<? super T, SyncResult> last) {
            return result;
        }

        @Override
        public Optional<SyncResult> ended() {
            return Optional.of(result);
        }
    }
}
