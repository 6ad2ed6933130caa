package health.wearables.adapters.rest.out.provider.oauth1;

/**
 * How a call to an OAuth 1.0a credentials endpoint ended. Never an exception: a refusal is the provider's answer,
 * a failure is anything else that did not give usable credentials. Reasons are ours and never quote the provider.
 *
 * @param <C> the credentials the call asks for
 */
public sealed interface Oauth1Result<C extends Oauth1Credentials> {

    /** The provider issued credentials. */
    record Obtained<C extends Oauth1Credentials>(C credentials) implements Oauth1Result<C> {
    }

    /** The provider answered 401: bad client credentials or signature, unknown or used token, wrong verifier. */
    record Refused<C extends Oauth1Credentials>(String reason) implements Oauth1Result<C> {
    }

    /** No usable answer: transport fault, timeout, oversized or malformed body, unconfirmed callback, other status. */
    record Failed<C extends Oauth1Credentials>(String reason) implements Oauth1Result<C> {
    }
}
