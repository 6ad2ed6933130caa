package health.wearables.adapters.rest.in.api;

import health.wearables.application.port.in.RequestSync;
import health.wearables.domain.ApiKey;
import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link RequestSync} that answers what the test tells it to and remembers what it was asked. */
final class ScriptedRequestSync implements RequestSync {

    record Call(Optional<ApiKey> apiKey, String provider, String patientId) {}

    private final List<Call> calls = new ArrayList<>();
    private Supplier<Step<Requested>> answer;

    ScriptedRequestSync() {
        reset();
    }

    void reset() {
        calls.clear();
        answer = () -> Step.ok(new ConnectionNotFound());
    }

    void answers(Requested requested) {
        answer = () -> Step.ok(requested);
    }

    void refuses(RejectionCode code) {
        answer = () -> Step.reject(Rejection.of(code, "Refused with " + code + " by the use case."));
    }

    void fails(RuntimeException failure) {
        answer = () -> {
            throw failure;
        };
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public Step<Requested> request(Optional<ApiKey> apiKey, String provider, String patientId) {
        calls.add(new Call(apiKey, provider, patientId));
        return answer.get();
    }
}
