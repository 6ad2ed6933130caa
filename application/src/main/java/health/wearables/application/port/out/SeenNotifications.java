package health.wearables.application.port.out;

import java.time.Duration;

/**
 * Remembers the notifications already taken, across instances, so that a replayed one (the same signature sent again
 * within its timestamp window) is refused.
 */
public interface SeenNotifications {

    /**
     * Records {@code fingerprint} for {@code keepFor}.
     *
     * @return {@code true} the first time, {@code false} when it was seen within {@code keepFor}
     * @throws LeaseUnavailable when the store cannot be reached (the notification is then refused, to be sent again)
     */
    boolean firstTime(String fingerprint, Duration keepFor);

    /**
     * Forgets {@code fingerprint}: the notification it was taken for could not be acted on (a store was down), so the
     * provider's retry of it must be taken, not refused as a replay.
     *
     * @throws LeaseUnavailable when the store cannot be reached
     */
    void forget(String fingerprint);
}
