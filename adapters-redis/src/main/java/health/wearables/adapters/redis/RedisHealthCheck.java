package health.wearables.adapters.redis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.Readiness;
import org.redisson.api.RedissonClient;

/** Ready while Redis answers PING within the timeout; without Redis no connection can start or complete. */
@Readiness
@ApplicationScoped
public class RedisHealthCheck implements HealthCheck {
    static final String NAME = "redis";

    @Inject
    RedissonClient client;

    @Inject
    RedisSettings settings;

    @Override
    public HealthCheckResponse call() {
        try {
            RedisReply.ping(client, settings, IllegalStateException::new);
            return response(Status.UP);
        } catch (RuntimeException e) {
            return response(Status.DOWN);
        }
    }

    /** Made directly rather than through the builder SPI, so the check needs nothing but the API to run. */
    private static HealthCheckResponse response(Status status) {
        return new HealthCheckResponse(NAME, status, Optional.empty());
    }
}
