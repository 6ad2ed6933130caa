package health.wearables.adapters.rest.in.api;

import health.wearables.application.port.in.ReceiveNotification;
import health.wearables.domain.notify.InboundNotification;
import health.wearables.domain.notify.NotificationVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class ScriptedReceiveNotification implements ReceiveNotification {

    record Call(String provider, InboundNotification notification) {}

    private final List<Call> calls = new ArrayList<>();
    private Optional<NotificationVerdict> answer;

    ScriptedReceiveNotification() {
        reset();
    }

    void reset() {
        calls.clear();
        answer = Optional.of(new NotificationVerdict.Accepted(List.of()));
    }

    void answers(Optional<NotificationVerdict> verdict) {
        answer = verdict;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public Optional<NotificationVerdict> receive(String provider, InboundNotification notification) {
        calls.add(new Call(provider, notification));
        return answer;
    }
}
