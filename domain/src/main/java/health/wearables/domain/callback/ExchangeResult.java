package health.wearables.domain.callback;

import health.wearables.domain.TokenSet;
import java.util.function.Function;

/** What the token endpoint answered, as the outbound adapter understood it. */
public sealed interface ExchangeResult {

    /** Consumes the result: one function per kind of answer. */
    <R> R fold(
            Function<? super Exchanged, R> onExchanged,
            Function<? super Refused, R> onRefused,
            Function<? super Failed, R> onFailed);

    /** A valid bearer token response. */
    record Exchanged(TokenSet tokens) implements ExchangeResult {
        @Override
        public <R> R fold(
                Function<? super Exchanged, R> onExchanged,
                Function<? super Refused, R> onRefused,
                Function<? super Failed, R> onFailed) {
            return onExchanged.apply(this);
        }
    }

    /**
     * The provider refused with an OAuth error ({@code invalid_grant}, {@code invalid_client}, …). The error code is
     * from the provider's JSON, kept for logs and for choosing the message.
     */
    record Refused(String oauthError) implements ExchangeResult {
        public boolean isInvalidGrant() {
            return "invalid_grant".equals(oauthError);
        }

        @Override
        public <R> R fold(
                Function<? super Exchanged, R> onExchanged,
                Function<? super Refused, R> onRefused,
                Function<? super Failed, R> onFailed) {
            return onRefused.apply(this);
        }
    }

    /** No usable answer: transport error, timeout, 5xx, body too big, not JSON, not a bearer token response. */
    record Failed(String reason) implements ExchangeResult {
        @Override
        public <R> R fold(
                Function<? super Exchanged, R> onExchanged,
                Function<? super Refused, R> onRefused,
                Function<? super Failed, R> onFailed) {
            return onFailed.apply(this);
        }
    }
}
