package health.wearables.application.port.in;

import java.util.List;

/**
 * Queues an incremental sync of every active connection whose provider a data client reads, once every sync interval
 * across all gateway instances. One pass per call; run on a schedule (more often than the interval: a pass runs only
 * once the interval has passed).
 */
@FunctionalInterface
public interface ScheduleSyncs {

    Schedule runOnce();

    /**
     * What one pass did. {@code ran} is false when the interval has not passed since the last pass (on any instance).
     * {@code problems} names each store that failed (the pass is then tried again at the next call), never a token.
     *
     * @param queued    active connections whose sync was queued
     * @param notActive connections left out because they are revoked, {@code reauth_required} or in error
     * @param notReadable active connections left out because no data client reads their provider (a provider
     *     without a data API, or one no longer configured): they have nothing to sync
     */
    record Schedule(boolean ran, int queued, int notActive, int notReadable, List<String> problems) {
        public Schedule {
            problems = List.copyOf(problems);
        }

        public static Schedule skipped() {
            return new Schedule(false, 0, 0, 0, List.of());
        }
    }
}
