package health.wearables.application.service;

import health.wearables.application.port.out.Oauth1Provider;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.Oauth1Token;
import health.wearables.domain.Oauth1TokenSecret;
import health.wearables.domain.TokenSet;
import health.wearables.domain.callback.ExchangeResult;
import health.wearables.domain.callback.Grant;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OAuth 1.0a provider's two endpoints: issues numbered temporary credentials (unless told not to), answers the
 * token-credentials request as scripted, and records every call.
 */
final class ScriptedOauth1Provider implements Oauth1Provider {
    static final String TOKEN = "token-credentials-5d1e";
    static final String TOKEN_SECRET = "token-secret-0c9b8a";

    record TemporaryRequest(ConfiguredProvider provider, URI callbackUri) {}

    private final AtomicInteger issued = new AtomicInteger();
    private final List<TemporaryRequest> temporaryRequests = new CopyOnWriteArrayList<>();
    private final List<Grant.Oauth1Grant> tokenRequests = new CopyOnWriteArrayList<>();
    private volatile boolean issuing = true;
    private volatile ExchangeResult answer = new ExchangeResult.Exchanged(
            TokenSet.oauth1(new Oauth1Token(TOKEN), new Oauth1TokenSecret(TOKEN_SECRET), Optional.of("garmin-user-9")));

    static String temporaryToken(int n) {
        return "temporary-token-" + n;
    }

    static String temporarySecret(int n) {
        return "temporary-secret-" + n;
    }

    void refuseTemporaryCredentials() {
        issuing = false;
    }

    void answerWith(ExchangeResult answer) {
        this.answer = answer;
    }

    @Override
    public TemporaryCredentialsResult temporaryCredentials(ConfiguredProvider provider, URI callbackUri) {
        temporaryRequests.add(new TemporaryRequest(provider, callbackUri));
        if (!issuing) {
            return new NotIssued("the provider did not confirm the callback");
        }
        int n = issued.incrementAndGet();
        return new Issued(
                new Oauth1Token(temporaryToken(n)),
                new Oauth1TokenSecret(temporarySecret(n)),
                URI.create(provider.endpoints().authorization() + "?oauth_token=" + temporaryToken(n)));
    }

    @Override
    public ExchangeResult tokenCredentials(ConfiguredProvider provider, Grant.Oauth1Grant grant) {
        tokenRequests.add(grant);
        return answer;
    }

    List<TemporaryRequest> temporaryRequests() {
        return temporaryRequests;
    }

    List<Grant.Oauth1Grant> tokenRequests() {
        return tokenRequests;
    }
}
