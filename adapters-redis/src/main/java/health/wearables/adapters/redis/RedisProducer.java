package health.wearables.adapters.redis;

import health.wearables.application.port.out.ConnectSessions;
import health.wearables.application.port.out.CredentialInbox;
import health.wearables.application.port.out.HeldEvents;
import health.wearables.application.port.out.Leases;
import health.wearables.application.port.out.PendingRevocations;
import health.wearables.application.port.out.SeenNotifications;
import health.wearables.application.port.out.StateStore;
import health.wearables.application.port.out.StoppedWebhooks;
import health.wearables.application.port.out.SyncJobs;
import health.wearables.application.port.out.SyncQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.api.RedissonClient;

/**
 * The Redis adapters as CDI beans, configured with MicroProfile Config ({@value RedisSettings#ADDRESS},
 * {@value RedisSettings#CONFIG_FILE}, {@value RedisSettings#TIMEOUT_MS}, {@value RedisSettings#KEY_PREFIX},
 * {@value RedisSettings#WAIT_REPLICAS}).
 * The application starts only when Redis answers.
 */
@ApplicationScoped
public class RedisProducer {

    @Inject
    @ConfigProperty(name = RedisSettings.ADDRESS, defaultValue = RedisSettings.DEFAULT_ADDRESS)
    String address;

    @Inject
    @ConfigProperty(name = RedisSettings.CONFIG_FILE)
    Optional<String> configFile;

    @Inject
    @ConfigProperty(name = RedisSettings.TIMEOUT_MS, defaultValue = RedisSettings.DEFAULT_TIMEOUT_MS)
    long timeoutMs;

    @Inject
    @ConfigProperty(name = RedisSettings.KEY_PREFIX, defaultValue = RedisSettings.DEFAULT_KEY_PREFIX)
    String keyPrefix;

    @Inject
    @ConfigProperty(name = RedisSettings.WAIT_REPLICAS, defaultValue = RedisSettings.DEFAULT_WAIT_REPLICAS)
    int waitReplicas;

    /** The configuration, read once here for the adapters and the readiness check. */
    @Produces
    RedisSettings settings() {
        return new RedisSettings(
                address,
                configFile.filter(file -> !file.isBlank()).map(Path::of),
                Duration.ofMillis(timeoutMs),
                keyPrefix,
                waitReplicas);
    }

    /**
     * {@code @Singleton}, not a normal scope: the adapters need the object Redisson made (to reach its command
     * executor), not a client proxy. There is still one client per application, shut down with it.
     */
    @Produces
    @Singleton
    RedissonClient redissonClient(RedisSettings settings) {
        return settings.connect();
    }

    void shutDown(@Disposes RedissonClient client) {
        client.shutdown();
    }

    @Produces
    @ApplicationScoped
    StateStore stateStore(RedissonClient client, RedisSettings settings) {
        return new RedisStateStore(client, settings.keyPrefix(), settings.timeout(), settings.waitReplicas());
    }

    @Produces
    @ApplicationScoped
    ConnectSessions connectSessions(RedissonClient client, RedisSettings settings) {
        return new RedisConnectSessions(client, settings.keyPrefix(), settings.timeout());
    }

    @Produces
    @ApplicationScoped
    SyncQueue syncQueue(RedissonClient client, RedisSettings settings) {
        return new RedisSyncQueue(client, settings.keyPrefix(), settings.timeout());
    }

    /** The workers' side of the sync queue; times of retries are read from the system clock. */
    @Produces
    @ApplicationScoped
    SyncJobs syncJobs(RedissonClient client, RedisSettings settings) {
        return new RedisSyncJobs(client, settings.keyPrefix(), settings.timeout(), Clock.systemUTC());
    }

    @Produces
    @ApplicationScoped
    CredentialInbox credentialInbox(RedissonClient client, RedisSettings settings) {
        return new RedisCredentialInbox(client, settings.keyPrefix(), settings.timeout());
    }

    @Produces
    @ApplicationScoped
    Leases leases(RedissonClient client, RedisSettings settings) {
        return new RedisLeases(client, settings.keyPrefix(), settings.timeout());
    }

    @Produces
    @ApplicationScoped
    PendingRevocations pendingRevocations(RedissonClient client, RedisSettings settings) {
        return new RedisPendingRevocations(client, settings.keyPrefix(), settings.timeout());
    }

    @Produces
    @ApplicationScoped
    StoppedWebhooks stoppedWebhooks(RedissonClient client, RedisSettings settings) {
        return new RedisStoppedWebhooks(client, settings.keyPrefix(), settings.timeout());
    }

    @Produces
    @ApplicationScoped
    HeldEvents heldEvents(RedissonClient client, RedisSettings settings) {
        return new RedisHeldEvents(client, settings.keyPrefix(), settings.timeout());
    }

    @Produces
    @ApplicationScoped
    SeenNotifications seenNotifications(RedissonClient client, RedisSettings settings) {
        return new RedisSeenNotifications(client, settings.keyPrefix(), settings.timeout());
    }

    /**
     * Making the client pings Redis, so an unreachable Redis stops the start-up with a message that says why; then the
     * keys of an older version are renamed ({@link SyncKeys#migrate}).
     */
    void connectAtStartup(@Observes Startup startup, RedissonClient client, RedisSettings settings) {
        SyncKeys.migrate(client, settings.keyPrefix(), settings.timeout());
    }
}
