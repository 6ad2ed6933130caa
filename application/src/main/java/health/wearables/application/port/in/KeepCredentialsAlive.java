package health.wearables.application.port.in;

import java.util.List;

/**
 * Refreshes the credentials of active connections that nothing has refreshed for a while (a connection no sync uses,
 * e.g. of a provider the gateway has no data client for, or one whose access tokens live long), so that a refresh token
 * with a lifetime of its own does not expire unused. One pass per call, by one instance at a time; run on a schedule.
 */
@FunctionalInterface
public interface KeepCredentialsAlive {

    Pass runOnce();

    /**
     * What one pass did. {@code ran} is false when another instance holds the pass, or one ran within the last hour.
     *
     * @param refreshed connections refreshed (here, or by another instance meanwhile)
     * @param failed    connections whose refresh was refused ({@code reauth_required}) or must be tried again
     * @param problems  each store that failed (never a token)
     */
    record Pass(boolean ran, int refreshed, int failed, List<String> problems) {
        public Pass {
            problems = List.copyOf(problems);
        }

        public static Pass skipped() {
            return new Pass(false, 0, 0, List.of());
        }
    }
}
