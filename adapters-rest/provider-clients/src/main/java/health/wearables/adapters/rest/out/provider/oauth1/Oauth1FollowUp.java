package health.wearables.adapters.rest.out.provider.oauth1;

import health.wearables.adapters.rest.out.provider.ProviderCalls.Answer;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.TokenSet;
import health.wearables.domain.callback.ExchangeResult;
import java.net.URI;

/**
 * What a provider needs after its token credentials were issued, such as the provider's user id; the calls it makes
 * are signed with the new token credentials and sent under the token call's rules.
 */
@FunctionalInterface
public interface Oauth1FollowUp {
    /** Nothing after the exchange. */
    Oauth1FollowUp NONE = (provider, tokens, get) -> new ExchangeResult.Exchanged(tokens);

    ExchangeResult afterExchange(ConfiguredProvider provider, TokenSet tokens, SignedGet get);

    /** A {@code GET} signed with the consumer's and the new token credentials. */
    @FunctionalInterface
    interface SignedGet {
        Answer get(URI uri);
    }
}
