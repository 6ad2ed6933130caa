package health.wearables.application.service;

import health.wearables.application.port.out.CallbackUris;
import health.wearables.application.port.out.Oauth1Provider;
import health.wearables.application.port.out.TokenExchange;
import health.wearables.domain.callback.ExchangeResult;
import health.wearables.domain.callback.StateVerified;

/**
 * The exchange step of the callback: the verified grant is redeemed once at the provider, an OAuth 2.0 code at its
 * token endpoint (with the same {@code redirect_uri} as at authorization), OAuth 1.0a temporary credentials and their
 * verifier at its access-token endpoint.
 */
public final class GrantRedemption {
    private final TokenExchange tokenExchange;
    private final Oauth1Provider oauth1;
    private final CallbackUris callbackUris;

    public GrantRedemption(TokenExchange tokenExchange, Oauth1Provider oauth1, CallbackUris callbackUris) {
        this.tokenExchange = tokenExchange;
        this.oauth1 = oauth1;
        this.callbackUris = callbackUris;
    }

    ExchangeResult redeem(StateVerified verified) {
        return verified.grant()
                .fold(
                        code -> tokenExchange.exchange(
                                verified.provider(),
                                code.code(),
                                code.verifier(),
                                callbackUris.callbackFor(verified.provider().slug())),
                        temporaryCredentials -> oauth1.tokenCredentials(verified.provider(), temporaryCredentials));
    }
}
