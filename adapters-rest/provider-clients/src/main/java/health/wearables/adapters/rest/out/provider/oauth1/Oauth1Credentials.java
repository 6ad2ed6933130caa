package health.wearables.adapters.rest.out.provider.oauth1;

import health.wearables.domain.Oauth1Token;
import health.wearables.domain.Oauth1TokenSecret;

/** A token and its shared secret: what signs a request on behalf of a resource owner (RFC 5849 §3.4). */
public sealed interface Oauth1Credentials permits TemporaryCredentials, TokenCredentials {
    Oauth1Token token();

    Oauth1TokenSecret secret();
}
