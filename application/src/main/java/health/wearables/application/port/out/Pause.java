package health.wearables.application.port.out;

import java.time.Duration;

/**
 * Waiting a little before trying again, where a use case waits in place (for another instance to finish a refresh)
 * instead of giving the work back. The wiring sleeps; tests pass time as they like.
 */
@FunctionalInterface
public interface Pause {

    /** Returns after about {@code duration}, or earlier when the thread is interrupted (the interrupt is kept). */
    void pause(Duration duration);
}
