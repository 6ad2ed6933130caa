package health.wearables.application.service;

import health.wearables.application.port.out.TokenExchange;
import health.wearables.domain.AuthorizationCode;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.PkceVerifier;
import health.wearables.domain.callback.ExchangeResult;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The provider's token endpoint: answers what the test scripted and counts every request. */
final class ScriptedTokenExchange implements TokenExchange {
    record Request(
            ConfiguredProvider provider, AuthorizationCode code, Optional<PkceVerifier> verifier, URI redirectUri) {}

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile ExchangeResult answer;

    ScriptedTokenExchange(ExchangeResult answer) {
        this.answer = answer;
    }

    void answerWith(ExchangeResult answer) {
        this.answer = answer;
    }

    @Override
    public ExchangeResult exchange(
            ConfiguredProvider provider, AuthorizationCode code, Optional<PkceVerifier> verifier, URI redirectUri) {
        requests.add(new Request(provider, code, verifier, redirectUri));
        return answer;
    }

    int calls() {
        return requests.size();
    }

    Request last() {
        return requests.get(requests.size() - 1);
    }
}
