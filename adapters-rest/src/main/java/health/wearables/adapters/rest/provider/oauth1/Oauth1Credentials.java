package health.wearables.adapters.rest.provider.oauth1;

/** A token and its shared secret: what signs a request on behalf of a resource owner (RFC 5849 §3.4). */
public sealed interface Oauth1Credentials permits TemporaryCredentials, TokenCredentials {
    Oauth1Token token();

    Oauth1TokenSecret secret();
}
