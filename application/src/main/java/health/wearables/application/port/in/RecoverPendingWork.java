package health.wearables.application.port.in;

import java.util.List;

/**
 * Finishes what an outage left undone after successful exchanges: credentials held in the inbox are written as their
 * connection, and initial syncs recorded for retry are queued. One pass per call; run on a schedule.
 */
@FunctionalInterface
public interface RecoverPendingWork {

    Recovery runOnce();

    /**
     * What one pass did. {@code ran} is false when another gateway instance was doing the same work. {@code problems}
     * names each store that failed during the pass (what is left waits for the next pass), never a token.
     *
     * @param credentialsWritten held credentials written as their connection (or found already written)
     * @param credentialsSuperseded held credentials dropped because a newer connection was stored meanwhile
     * @param syncsQueued        initial syncs taken from the retry record onto the queue
     */
    record Recovery(
            boolean ran, int credentialsWritten, int credentialsSuperseded, int syncsQueued, List<String> problems) {

        public Recovery {
            problems = List.copyOf(problems);
        }

        public static Recovery skipped() {
            return new Recovery(false, 0, 0, 0, List.of());
        }

        public boolean didSomething() {
            return credentialsWritten + credentialsSuperseded + syncsQueued > 0;
        }
    }
}
