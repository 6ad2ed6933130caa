package health.wearables.adapters.rest.out.provider;

import health.wearables.domain.AccessToken;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The provider calls a strategy may make after the exchange, with the new access token as a bearer. They run under
 * the token call's rules: sent once, connect timeout, overall deadline, body cap, no redirects, nothing logged.
 */
public interface ProviderCalls {

    Answer get(URI uri, AccessToken bearer);

    Answer postJson(URI uri, AccessToken bearer, String json);

    /** How a call ended. */
    sealed interface Answer {
        <R> R fold(Function<? super Answered, R> onAnswered, Function<? super Unanswered, R> onUnanswered);

        /**
         * The provider answered (any status); the body is capped. {@code retryAfter} is the raw {@code Retry-After}
         * header (delay-seconds or an HTTP date, RFC 9110 §10.2.3) when the provider sent one: the one header a client
         * needs, to honour a 429 or a 503.
         */
        @SuppressWarnings("ArrayRecordComponent") // a response body, handed on once; answers are never compared
        record Answered(int status, byte[] body, Optional<String> retryAfter) implements Answer {
            public Answered {
                Objects.requireNonNull(body, "body");
                Objects.requireNonNull(retryAfter, "retryAfter");
            }

            /** An answer without a {@code Retry-After} header. */
            public Answered(int status, byte[] body) {
                this(status, body, Optional.empty());
            }

            @Override
            public <R> R fold(Function<? super Answered, R> onAnswered, Function<? super Unanswered, R> onUnanswered) {
                return onAnswered.apply(this);
            }
        }

        /** No complete answer: timeout, connection failure, body over the cap. The reason is ours. */
        record Unanswered(String reason) implements Answer {
            @Override
            public <R> R fold(Function<? super Answered, R> onAnswered, Function<? super Unanswered, R> onUnanswered) {
                return onUnanswered.apply(this);
            }
        }
    }
}
