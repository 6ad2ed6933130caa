package health.wearables.adapters.redis;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.config.Config;
import org.redisson.config.ConstantDelay;
import org.redisson.config.EqualJitterDelay;

/**
 * How to reach Redis, as configured with MicroProfile Config, and the Redisson client made from it.
 *
 * @param address    a single server, {@code redis://host:port} (or {@code rediss://} for TLS)
 * @param configFile a Redisson YAML file (single, sentinel or cluster servers); when present it wins over address
 * @param timeout    how long any Redis call waits before the adapters report Redis as unavailable
 * @param keyPrefix  put before every key and stream name of this module
 * @param waitReplicas how many replicas must confirm that a state was taken (Redis {@code WAIT}) before the take counts;
 *     0 for a single Redis, 1 with Sentinel or Cluster, so that no failover can bring a taken state back
 */
public record RedisSettings(
        String address, Optional<Path> configFile, Duration timeout, String keyPrefix, int waitReplicas) {
    public static final String ADDRESS = "wearables.redis.address";
    public static final String CONFIG_FILE = "wearables.redis.config-file";
    public static final String TIMEOUT_MS = "wearables.redis.timeout-ms";
    public static final String KEY_PREFIX = "wearables.redis.key-prefix";
    public static final String WAIT_REPLICAS = "wearables.redis.wait-replicas";
    public static final String DEFAULT_ADDRESS = "redis://127.0.0.1:6379";
    public static final String DEFAULT_TIMEOUT_MS = "2000";
    public static final String DEFAULT_KEY_PREFIX = "wearables:";
    public static final String DEFAULT_WAIT_REPLICAS = "0";

    /** Retries of a failed command (mostly: no connection yet); with the short delay an outage answers quickly. */
    private static final int RETRY_ATTEMPTS = 2;

    private static final Duration RETRY_DELAY = Duration.ofMillis(200);

    public RedisSettings {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(configFile, "configFile");
        positive(timeout, "timeout");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (waitReplicas < 0) {
            throw new IllegalArgumentException("waitReplicas must not be negative");
        }
    }

    /** Settings whose takes wait for no replica (a single Redis). */
    public RedisSettings(String address, Optional<Path> configFile, Duration timeout, String keyPrefix) {
        this(address, configFile, timeout, keyPrefix, 0);
    }

    /** The defaults: the local Redis on port 6379, two seconds, keys under {@code wearables:}. */
    public static RedisSettings defaults() {
        return new RedisSettings(
                DEFAULT_ADDRESS,
                Optional.empty(),
                Duration.ofMillis(Long.parseLong(DEFAULT_TIMEOUT_MS)),
                DEFAULT_KEY_PREFIX);
    }

    /**
     * A client that has not connected yet (lazy initialization); it connects on its first command, and after an
     * outage Redisson reconnects by itself. From a config file, that file's own settings apply.
     */
    public RedissonClient open() {
        return Redisson.create(redissonConfig());
    }

    /**
     * A client that has answered a PING within the timeout: for start-up, which should fail at once, with a message
     * that says what to do, when Redis is not there.
     *
     * @throws IllegalStateException when Redis cannot be reached
     */
    public RedissonClient connect() {
        RedissonClient client;
        try {
            client = open();
        } catch (RedisException e) {
            throw notReachable(e);
        }
        try {
            RedisReply.ping(client, this, (message, cause) -> notReachable(cause));
            return client;
        } catch (RuntimeException e) {
            client.shutdown();
            throw e;
        }
    }

    Config redissonConfig() {
        if (configFile.isPresent()) {
            return fromFile(configFile.get());
        }
        int millis = Math.toIntExact(timeout.toMillis());
        Config config = new Config();
        config.setLazyInitialization(true);
        config.useSingleServer()
                .setAddress(address)
                .setConnectTimeout(millis)
                .setTimeout(millis)
                .setRetryAttempts(RETRY_ATTEMPTS)
                .setRetryDelay(new ConstantDelay(RETRY_DELAY))
                .setReconnectionDelay(new EqualJitterDelay(Duration.ofMillis(100), Duration.ofSeconds(2)))
                .setPingConnectionInterval(5_000)
                .setConnectionMinimumIdleSize(2)
                .setConnectionPoolSize(32);
        return config;
    }

    private static Config fromFile(Path file) {
        try {
            return Config.fromYAML(file.toFile());
        } catch (IOException e) {
            // the parser's own message may quote the file, which can hold a password: say only where it failed
            String where = e instanceof JsonProcessingException parse && parse.getLocation() != null
                    ? " at " + position(parse.getLocation())
                    : "";
            throw new IllegalStateException("Cannot read the Redisson configuration " + file + " (" + CONFIG_FILE
                    + "): " + e.getClass().getSimpleName() + where);
        }
    }

    private static String position(JsonLocation location) {
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private IllegalStateException notReachable(Throwable cause) {
        String message = configFile
                .map(file ->
                        "Redis is not reachable with the servers in " + file + " — start them or fix " + CONFIG_FILE)
                .orElseGet(
                        () -> "Redis is not reachable at " + withoutCredentials(address) + " — start it (redis-server "
                                + "--daemonize yes --port " + portOf(address) + ") or set " + ADDRESS);
        return new IllegalStateException(message, cause);
    }

    /** The address as it may be shown: {@code redis://user:password@host} loses its user-info. */
    static String withoutCredentials(String address) {
        return address.replaceFirst("//[^/@]*@", "//");
    }

    private static int portOf(String address) {
        try {
            int port = URI.create(withoutCredentials(address)).getPort();
            return port == -1 ? 6379 : port;
        } catch (IllegalArgumentException e) {
            return 6379;
        }
    }

    static Duration positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.toMillis() < 1) {
            throw new IllegalArgumentException(name + " must be at least one millisecond");
        }
        return duration;
    }
}
