package health.wearables.adapters.rest.out.provider.oauth1;

import health.wearables.application.port.out.Oauth1Provider;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.TokenSet;
import health.wearables.domain.callback.ExchangeResult;
import health.wearables.domain.callback.Grant;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@link Oauth1Provider} port over {@link HttpOauth1Client}: the provider's client id and secret are the consumer
 * key and secret, its {@code request-token-url} gives temporary credentials, its {@code authorization-url} is where
 * the patient approves, and its {@code token-url} is the access-token URL. A provider's follow-up (its user id, say)
 * runs with the new token credentials before the exchange counts as done.
 */
public final class HttpOauth1Provider implements Oauth1Provider {
    private final HttpOauth1Client client;
    private final Function<ProviderSlug, Oauth1FollowUp> followUps;

    public HttpOauth1Provider(HttpOauth1Client client, Function<ProviderSlug, Oauth1FollowUp> followUps) {
        this.client = client;
        this.followUps = followUps;
    }

    @Override
    public TemporaryCredentialsResult temporaryCredentials(ConfiguredProvider provider, URI callbackUri) {
        URI requestTokenUri = provider.endpoints()
                .requestToken()
                .orElseThrow(() -> new IllegalArgumentException("provider " + provider.slug() + " is not OAuth 1.0a"));
        return client.temporaryCredentials(requestTokenUri, consumer(provider), callbackUri)
                .fold(
                        obtained -> issued(provider, obtained.credentials()),
                        refused -> new NotIssued(refused.reason()),
                        failed -> new NotIssued(failed.reason()));
    }

    private TemporaryCredentialsResult issued(ConfiguredProvider provider, TemporaryCredentials temporary) {
        return new Issued(
                temporary.token(),
                temporary.secret(),
                client.authorizationUrl(provider.endpoints().authorization(), temporary.token()));
    }

    @Override
    public ExchangeResult tokenCredentials(ConfiguredProvider provider, Grant.Oauth1Grant grant) {
        return client.tokenCredentials(
                        provider.endpoints().token(),
                        consumer(provider),
                        new TemporaryCredentials(grant.temporaryToken(), grant.temporarySecret()),
                        grant.verifier())
                .fold(
                        obtained -> followUp(provider, obtained.credentials()),
                        refused -> new ExchangeResult.Refused("oauth1_refused"),
                        failed -> new ExchangeResult.Failed(failed.reason()));
    }

    /** The provider's follow-up, signed with the new token credentials, before the exchange counts as done. */
    private ExchangeResult followUp(ConfiguredProvider provider, TokenCredentials credentials) {
        ClientCredentials consumer = consumer(provider);
        return followUps
                .apply(provider.slug())
                .afterExchange(
                        provider,
                        TokenSet.oauth1(credentials.token(), credentials.secret(), Optional.empty()),
                        uri -> client.signedGet(uri, consumer, credentials));
    }

    private static ClientCredentials consumer(ConfiguredProvider provider) {
        return new ClientCredentials(provider.client().id(), provider.client().secret());
    }
}
