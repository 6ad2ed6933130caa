package health.wearables.adapters.rest.in.api;

import health.wearables.application.port.in.ListProviders;
import health.wearables.domain.ApiKey;
import health.wearables.domain.ProviderListing;
import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link ListProviders} that answers what the test tells it to and remembers the keys it was given. */
final class ScriptedListProviders implements ListProviders {
    private final List<Optional<ApiKey>> calls = new ArrayList<>();
    private Supplier<Step<List<ProviderListing>>> answer;

    ScriptedListProviders() {
        reset();
    }

    void reset() {
        calls.clear();
        answer = () -> Step.ok(List.of());
    }

    void lists(ProviderListing... providers) {
        answer = () -> Step.ok(List.of(providers));
    }

    void refuses(RejectionCode code) {
        answer = () -> Step.reject(Rejection.of(code, "Refused with " + code + " by the use case."));
    }

    List<Optional<ApiKey>> calls() {
        return List.copyOf(calls);
    }

    @Override
    public Step<List<ProviderListing>> list(Optional<ApiKey> apiKey) {
        calls.add(apiKey);
        return answer.get();
    }
}
