package health.wearables.adapters.rest.app;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One span around one step, a child of whatever span is current (the request's, or a sync job's). A span carries only
 * what the gateway chose to put there: the step's name, the provider's slug and the step's outcome as our own word, and
 * counts. Never a token, code, state, key or anything a provider sent; a step that throws marks its span as an error
 * with the exception's type only (no message, no stack trace: {@code recordException} is never called).
 *
 * <p>With MicroProfile Telemetry off (its default, {@code otel.sdk.disabled=true}) the tracer is OpenTelemetry's
 * no-op: a step costs two method calls.
 */
public final class Spans {
    public static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("wearables.provider");
    public static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("wearables.outcome");
    public static final AttributeKey<Long> COUNT = AttributeKey.longKey("wearables.count");

    private final Tracer tracer;

    public Spans(Tracer tracer) {
        this.tracer = Objects.requireNonNull(tracer, "tracer");
    }

    /**
     * The gateway's spans from the server's OpenTelemetry, its tracer taken now. Liberty resolves its telemetry beans
     * from the calling thread's application context, which the sync workers' own threads do not have (an
     * injected {@code Tracer} failed there with a NullPointerException inside Liberty, seen): so the tracer is taken
     * once, when the use case is built on a thread that has it, and then used from any thread.
     */
    public static Spans of(OpenTelemetry telemetry) {
        return new Spans(telemetry.getTracer("health.wearables.gateway"));
    }

    /**
     * Runs {@code step} in a span named {@code name}; {@code outcome} names how it went, from its result.
     *
     * @param provider the provider's slug, when the step knows it before it runs (else empty)
     */
    public <T> T step(String name, String provider, Supplier<T> step, Function<? super T, Outcome> outcome) {
        Span span = tracer.spanBuilder(name).startSpan();
        if (!provider.isEmpty()) {
            span.setAttribute(PROVIDER, provider);
        }
        try (Scope ignored = span.makeCurrent()) {
            T result = step.get();
            outcome.apply(result).writeTo(span);
            return result;
        } catch (RuntimeException | Error e) {
            span.setAttribute(OUTCOME, "error");
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    /** How a step went: our word for it, the provider when only the result knows it, and a count where one fits. */
    public record Outcome(String word, String provider, long count) {
        public Outcome {
            Objects.requireNonNull(word, "word");
            Objects.requireNonNull(provider, "provider");
        }

        public static Outcome of(String word) {
            return new Outcome(word, "", -1);
        }

        public Outcome provider(String slug) {
            return new Outcome(word, slug, count);
        }

        public Outcome count(long n) {
            return new Outcome(word, provider, n);
        }

        void writeTo(Span span) {
            span.setAttribute(OUTCOME, word);
            if (!provider.isEmpty()) {
                span.setAttribute(PROVIDER, provider);
            }
            if (count >= 0) {
                span.setAttribute(COUNT, count);
            }
        }
    }
}
