package health.wearables.application.port.out;

import java.time.Duration;

/**
 * Remembers the notifications already taken, across instances, so that a replayed one (the same signature sent again
 * within its timestamp window) is refused.
 */
@FunctionalInterface
public interface SeenNotifications {

    /**
     * Records {@code fingerprint} for {@code keepFor}.
     *
     * @return {@code true} the first time, {@code false} when it was seen within {@code keepFor}
     * @throws LeaseUnavailable when the store cannot be reached (the notification is then refused, to be sent again)
     */
    boolean firstTime(String fingerprint, Duration keepFor);
}
