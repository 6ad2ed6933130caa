package health.wearables.domain;

import java.util.function.Function;

/**
 * What a returning patient's browser carries that names the pending authorization: the OAuth 2.0 {@code state}, or
 * the OAuth 1.0a temporary {@code oauth_token}. Either is only ever stored as its fingerprint, in its own namespace.
 */
public sealed interface FlowKey permits StateToken, Oauth1Token {

    /** A short lower-case name, distinct per kind of key, so a state and a token can never name the same record. */
    String namespace();

    /** SHA-256 of the value, hex. */
    String fingerprint();

    /** Which key it is: an OAuth 2.0 state or an OAuth 1.0a temporary token. */
    <R> R fold(Function<? super StateToken, R> onState, Function<? super Oauth1Token, R> onTemporaryToken);
}
