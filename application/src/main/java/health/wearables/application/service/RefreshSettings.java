package health.wearables.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link RefreshCredentialsService} waits and backs off.
 *
 * @param lease      how long one refresh may hold a connection's lease: well beyond the token endpoint's deadline, so a
 *                   lease never lapses while its holder still waits for the provider
 * @param pause      how long to wait before looking again when another instance holds the lease
 * @param pauses     how many times to wait before giving the refresh back to be tried later
 * @param retryAfter how long a refresh that hit a transient fault waits before it is tried again
 * @param inboxTtl   how long new credentials wait in the credential inbox when the connection store cannot take them
 */
public record RefreshSettings(Duration lease, Duration pause, int pauses, Duration retryAfter, Duration inboxTtl) {

    public RefreshSettings {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(inboxTtl, "inboxTtl");
        if (pauses < 0) {
            throw new IllegalArgumentException("pauses must not be negative");
        }
    }

    /** A 60 s lease (the token endpoint's deadline is 10 s), 50 pauses of 100 ms, a minute's back-off, 7 days' inbox. */
    public static RefreshSettings defaults() {
        return new RefreshSettings(
                Duration.ofSeconds(60), Duration.ofMillis(100), 50, Duration.ofSeconds(60), Duration.ofDays(7));
    }
}
