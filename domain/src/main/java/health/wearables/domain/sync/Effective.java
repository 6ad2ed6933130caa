package health.wearables.domain.sync;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/** When a measurement holds: at an instant, or over a span of time (start inclusive, end exclusive). */
public sealed interface Effective {

    static Effective at(Instant instant) {
        return new At(instant);
    }

    static Effective between(Instant start, Instant end) {
        return new Between(start, end);
    }

    <R> R fold(Function<At, R> onInstant, Function<Between, R> onPeriod);

    /** The instant the measurement was taken, or the start of its span. */
    Instant start();

    /** The instant the measurement was taken, or the end of its span: what decides how far a sync has come. */
    Instant end();

    record At(Instant instant) implements Effective {
        public At {
            Objects.requireNonNull(instant, "instant");
        }

        @Override
        public <R> R fold(Function<At, R> onInstant, Function<Between, R> onPeriod) {
            return onInstant.apply(this);
        }

        @Override
        public Instant start() {
            return instant;
        }

        @Override
        public Instant end() {
            return instant;
        }
    }

    record Between(Instant start, Instant end) implements Effective {
        public Between {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }

        @Override
        public <R> R fold(Function<At, R> onInstant, Function<Between, R> onPeriod) {
            return onPeriod.apply(this);
        }
    }
}
