package health.wearables.adapters.rest.in.api;

import health.wearables.application.port.in.StartConnection;
import health.wearables.domain.ApiKey;
import health.wearables.domain.Connecting;
import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.Step;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link StartConnection} that answers what the test tells it to and remembers what it was asked. */
final class ScriptedStartConnection implements StartConnection {
    static final Connecting.Started STARTED = new Connecting.Started(
            URI.create("https://provider.example/authorize?client_id=gw&state=abc"),
            Instant.parse("2026-11-21T10:10:00Z"));

    record Call(Optional<ApiKey> apiKey, String provider, ConnectCommand command) {}

    private final List<Call> calls = new ArrayList<>();
    private Supplier<Step<Connecting.Started>> answer;

    ScriptedStartConnection() {
        reset();
    }

    void reset() {
        calls.clear();
        answer = () -> Step.ok(STARTED);
    }

    void refuses(RejectionCode code, String message) {
        refuses(Rejection.of(code, message));
    }

    void refuses(Rejection rejection) {
        answer = () -> Step.reject(rejection);
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
    public Step<Connecting.Started> start(Optional<ApiKey> apiKey, String provider, ConnectCommand command) {
        calls.add(new Call(apiKey, provider, command));
        return answer.get();
    }
}
