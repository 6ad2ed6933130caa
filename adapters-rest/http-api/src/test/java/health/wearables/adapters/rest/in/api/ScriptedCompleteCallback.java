package health.wearables.adapters.rest.in.api;

import health.wearables.application.port.in.CompleteCallback;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.callback.CallbackAnswer;
import health.wearables.domain.callback.CallbackRoute;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link CompleteCallback} that answers what the test tells it to and remembers the provider and query it was given.
 * The answers are made here only, so the tests say what happened (connected, pending, redirected, refused) and not
 * how the domain spells it.
 */
final class ScriptedCompleteCallback implements CompleteCallback {

    record Call(String provider, Map<String, List<String>> query) {
    }

    private final List<Call> calls = new ArrayList<>();
    private Function<CallbackRoute, CallbackAnswer> answer;

    ScriptedCompleteCallback() {
        reset();
    }

    void reset() {
        calls.clear();
        answer = route -> {
            throw new AssertionError("the test did not say how the callback ends");
        };
    }

    void connects(String provider, String patient) {
        answer = route -> new CallbackAnswer.Connected(route, new ProviderSlug(provider), new PatientId(patient));
    }

    void holdsForRetry(String provider, String patient) {
        answer = route -> new CallbackAnswer.Pending(route, new ProviderSlug(provider), new PatientId(patient));
    }

    void redirects(URI location) {
        answer = route -> new CallbackAnswer.Redirect(location);
    }

    void refuses(RejectionCode code) {
        answer = route -> new CallbackAnswer.Refused(Rejection.of(code, "Refused with " + code + " by the use case."));
    }

    void fails(RuntimeException failure) {
        answer = route -> {
            throw failure;
        };
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public CallbackAnswer complete(String provider, CallbackRoute route, Map<String, List<String>> query) {
        calls.add(new Call(provider, query));
        return answer.apply(route);
    }
}
