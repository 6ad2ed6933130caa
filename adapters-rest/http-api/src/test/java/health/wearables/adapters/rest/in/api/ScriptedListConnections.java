package health.wearables.adapters.rest.in.api;

import health.wearables.application.port.in.ListConnections;
import health.wearables.domain.ApiKey;
import health.wearables.domain.ConnectionListing;
import health.wearables.domain.ListedConnection;
import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link ListConnections} that answers what the test tells it to and remembers what it was asked. */
final class ScriptedListConnections implements ListConnections {

    record Call(Optional<ApiKey> apiKey, Optional<String> patientId) {}

    private final List<Call> calls = new ArrayList<>();
    private Supplier<Step<ConnectionListing>> answer;

    ScriptedListConnections() {
        reset();
    }

    void reset() {
        calls.clear();
        answer = () -> Step.ok(new ConnectionListing(List.of(), true));
    }

    void lists(boolean complete, ListedConnection... connections) {
        answer = () -> Step.ok(new ConnectionListing(List.of(connections), complete));
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
    public Step<ConnectionListing> list(Optional<ApiKey> apiKey, Optional<String> patientId) {
        calls.add(new Call(apiKey, patientId));
        return answer.get();
    }
}
