package health.wearables.domain;

import java.util.function.Function;

/**
 * The result of one transition: the next state, or the rejection that ends the flow. Chaining with {@link #then}
 * reads as the arrow chain of the flow; {@link #fold} consumes it (Java 17 has no pattern-matching switch).
 */
public sealed interface Step<T> {

    static <T> Step<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Step<T> reject(Rejection rejection) {
        return new Rejected<>(rejection);
    }

    <R> Step<R> then(Function<? super T, Step<R>> next);

    <R> R fold(Function<? super T, R> onOk, Function<Rejection, R> onRejected);

    record Ok<T>(T value) implements Step<T> {
        @Override
        public <R> Step<R> then(Function<? super T, Step<R>> next) {
            return next.apply(value);
        }

        @Override
        public <R> R fold(Function<? super T, R> onOk, Function<Rejection, R> onRejected) {
            return onOk.apply(value);
        }
    }

    record Rejected<T>(Rejection rejection) implements Step<T> {
        @Override
        public <R> Step<R> then(Function<? super T, Step<R>> next) {
            return new Rejected<>(rejection);
        }

        @Override
        public <R> R fold(Function<? super T, R> onOk, Function<Rejection, R> onRejected) {
            return onRejected.apply(rejection);
        }
    }
}
