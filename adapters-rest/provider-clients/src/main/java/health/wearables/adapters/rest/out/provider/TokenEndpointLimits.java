package health.wearables.adapters.rest.out.provider;

import java.time.Duration;
import java.util.Optional;

/**
 * How long and how much the gateway is willing to wait for a provider's token endpoint.
 *
 * @param connectTimeout time allowed to open the TCP (and TLS) connection
 * @param deadline       time allowed for the whole answer, status line to last body byte
 * @param maxBodyBytes   largest response body read; a longer one is abandoned
 */
public record TokenEndpointLimits(Duration connectTimeout, Duration deadline, int maxBodyBytes) {
    public static final String CONNECT_TIMEOUT_MS = "wearables.http.connect-timeout-ms";
    public static final String DEADLINE_MS = "wearables.http.deadline-ms";
    public static final String MAX_BODY_BYTES = "wearables.http.max-body-bytes";

    /** Connect 3 s, whole answer 10 s, body 64 KiB: the only place these defaults are written. */
    public static final TokenEndpointLimits DEFAULTS =
            new TokenEndpointLimits(Duration.ofSeconds(3), Duration.ofSeconds(10), 64 * 1024);

    public TokenEndpointLimits {
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(deadline, "deadline");
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("max body bytes must be positive");
        }
    }

    /** The limits as configured; each one left out is its default. */
    public static TokenEndpointLimits configured(
            Optional<Long> connectTimeoutMs, Optional<Long> deadlineMs, Optional<Integer> maxBodyBytes) {
        return new TokenEndpointLimits(
                connectTimeoutMs.map(Duration::ofMillis).orElse(DEFAULTS.connectTimeout),
                deadlineMs.map(Duration::ofMillis).orElse(DEFAULTS.deadline),
                maxBodyBytes.orElse(DEFAULTS.maxBodyBytes));
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }
}
