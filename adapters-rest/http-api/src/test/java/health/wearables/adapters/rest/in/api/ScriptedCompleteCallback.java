package health.wearables.adapters.rest.in.api;

import health.wearables.application.port.in.CompleteCallback;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.callback.CallbackAnswer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link CompleteCallback} that answers what the test tells it to and remembers the provider and query it was given.
 * The answers are made here only, so the tests say what happened (connected, pending, redirected, refused) and not
 * how the domain spells it.
 */
final class ScriptedCompleteCallback implements CompleteCallback {

    record Call(String provider, Map<String, List<String>> query) {}

    private final List<Call> calls = new ArrayList<>();
    private Supplier<CallbackAnswer> answer;

    ScriptedCompleteCallback() {
        reset();
    }

    void reset() {
        calls.clear();
        answer = () -> {
            throw new AssertionError("the test did not say how the callback ends");
        };
    }

    void connects(String provider, String patient) {
        answer = () -> new CallbackAnswer(connected(provider, patient), Optional.empty());
    }

    void holdsForRetry(String provider, String patient) {
        answer = () -> new CallbackAnswer(
                new CallbackAnswer.Pending(new ProviderSlug(provider), new PatientId(patient)), Optional.empty());
    }

    /** Connected, and the browser goes back to the dashboard at {@code location}. */
    void connectsBackTo(String provider, String patient, URI location) {
        answer = () -> new CallbackAnswer(connected(provider, patient), Optional.of(location));
    }

    void refuses(RejectionCode code) {
        answer = () -> new CallbackAnswer(refused(code), Optional.empty());
    }

    /** Refused, and the browser goes back to the dashboard at {@code location}. */
    void refusesBackTo(RejectionCode code, URI location) {
        answer = () -> new CallbackAnswer(refused(code), Optional.of(location));
    }

    /** The authorization was started on the connect page without a return URL: the answer is for the patient. */
    void answersThePatient(CallbackAnswer.Outcome outcome) {
        answer = () -> new CallbackAnswer(outcome, Optional.empty(), true);
    }

    void fails(RuntimeException failure) {
        answer = () -> {
            throw failure;
        };
    }

    private static CallbackAnswer.Connected connected(String provider, String patient) {
        return new CallbackAnswer.Connected(new ProviderSlug(provider), new PatientId(patient));
    }

    private static CallbackAnswer.Refused refused(RejectionCode code) {
        return new CallbackAnswer.Refused(Rejection.of(code, "Refused with " + code + " by the use case."));
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public CallbackAnswer complete(String provider, Map<String, List<String>> query) {
        calls.add(new Call(provider, query));
        return answer.get();
    }
}
