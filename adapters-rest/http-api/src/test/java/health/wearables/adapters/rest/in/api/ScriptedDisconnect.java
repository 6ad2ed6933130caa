package health.wearables.adapters.rest.in.api;

import health.wearables.application.port.in.DisconnectConnection;
import health.wearables.domain.ApiKey;
import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

final class ScriptedDisconnect implements DisconnectConnection {

    record Call(Optional<ApiKey> apiKey, String provider, String patientId, boolean purge) {}

    private final List<Call> calls = new ArrayList<>();
    private Supplier<Step<Disconnected>> answer;

    ScriptedDisconnect() {
        reset();
    }

    void reset() {
        calls.clear();
        answer = () -> Step.ok(Disconnected.ENDED);
    }

    void answers(Disconnected disconnected) {
        answer = () -> Step.ok(disconnected);
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
    public Step<Disconnected> disconnect(Optional<ApiKey> apiKey, String provider, String patientId, boolean purge) {
        calls.add(new Call(apiKey, provider, patientId, purge));
        return answer.get();
    }
}
