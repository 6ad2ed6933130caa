package health.wearables.adapters.rest.out.provider.oauth1;

import java.util.function.Function;

/**
 * How a call to an OAuth 1.0a credentials endpoint ended. Never an exception: a refusal is the provider's answer,
 * a failure is anything else that did not give usable credentials. Reasons are ours and never quote the provider.
 *
 * @param <C> the credentials the call asks for
 */
public sealed interface Oauth1Result<C extends Oauth1Credentials> {

    /** Consumes the result: one function per way the call ended. */
    <R> R fold(
            Function<? super Obtained<C>, R> onObtained,
            Function<? super Refused<C>, R> onRefused,
            Function<? super Failed<C>, R> onFailed);

    /** The provider issued credentials. */
    record Obtained<C extends Oauth1Credentials>(C credentials) implements Oauth1Result<C> {
        @Override
        public <R> R fold(
                Function<? super Obtained<C>, R> onObtained,
                Function<? super Refused<C>, R> onRefused,
                Function<? super Failed<C>, R> onFailed) {
            return onObtained.apply(this);
        }
    }

    /** The provider answered 401: bad client credentials or signature, unknown or used token, wrong verifier. */
    record Refused<C extends Oauth1Credentials>(String reason) implements Oauth1Result<C> {
        @Override
        public <R> R fold(
                Function<? super Obtained<C>, R> onObtained,
                Function<? super Refused<C>, R> onRefused,
                Function<? super Failed<C>, R> onFailed) {
            return onRefused.apply(this);
        }
    }

    /** No usable answer: transport fault, timeout, oversized or malformed body, unconfirmed callback, other status. */
    record Failed<C extends Oauth1Credentials>(String reason) implements Oauth1Result<C> {
        @Override
        public <R> R fold(
                Function<? super Obtained<C>, R> onObtained,
                Function<? super Refused<C>, R> onRefused,
                Function<? super Failed<C>, R> onFailed) {
            return onFailed.apply(this);
        }
    }
}
