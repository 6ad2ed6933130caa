package health.wearables.acceptance.steps;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** What the build tells the tests about the gateway it started (failsafe system properties). */
final class Settings {
    private Settings() {}

    static String get(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "System property " + name + " is not set: run the acceptance tests with Maven (mvn verify)");
        }
        return value;
    }

    static URI gatewayBaseUrl() {
        return URI.create(get("gateway.base-url"));
    }

    /** The second gateway instance: same Redis, same FHIR store, same configuration. */
    static URI secondGatewayBaseUrl() {
        return URI.create(get("gateway.base-url.b"));
    }

    /** The third gateway instance: same FHIR store and configuration, but a Redis of its own that tests stop. */
    static URI thirdGatewayBaseUrl() {
        return URI.create(get("gateway.base-url.c"));
    }

    static int thirdInstanceRedisPort() {
        return Integer.parseInt(get("gateway.c.redis-port"));
    }

    /** Where the third instance's Redis keeps its pid and log files. */
    static Path thirdInstanceRedisDirectory() {
        return Path.of(get("gateway.c.redis-dir"));
    }

    /** The gateway's overall deadline for a provider's token endpoint in this run. */
    static Duration tokenEndpointDeadline() {
        return Duration.ofMillis(Long.parseLong(get("gateway.http.deadline-ms")));
    }

    /**
     * The Redisson file of the Redis topology the run's first two instances use ({@code -P redis-cluster} or {@code -P
     * redis-sentinel}); none on the single Redis.
     */
    static java.util.Optional<Path> redisConfigFile() {
        return java.util.Optional.ofNullable(System.getProperty("redis.config-file"))
                .filter(value -> !value.isBlank())
                .map(Path::of);
    }

    /** {@code cluster} or {@code sentinel} in a run on a topology; none on the single Redis. */
    static java.util.Optional<String> redisTopology() {
        return java.util.Optional.ofNullable(System.getProperty("redis.topology"))
                .filter(value -> !value.isBlank());
    }

    static int faultyProviderPort() {
        return Integer.parseInt(get("faulty.port"));
    }

    /** The log directories of every gateway instance of the run. */
    static List<Path> gatewayLogDirectories() {
        return list("gateway.log-dirs").stream().map(Path::of).toList();
    }

    static Path gatewayDataDirectory() {
        return Path.of(get("gateway.data-dir"));
    }

    static int oauthPort() {
        return Integer.parseInt(get("oauth.port"));
    }

    /** The port of the demo provider's authorization server with a sign-in form (Login Sandbox). */
    static int oauthLoginPort() {
        return Integer.parseInt(get("oauth-login.port"));
    }

    /** Where the browser runs save their screenshots. */
    static Path screenshotsDirectory() {
        return Path.of(get("screenshots.dir"));
    }

    static String apiKeyOf(String project) {
        return get("project." + project + ".api-key");
    }

    /** The projects of the run's configuration (its {@code wearables.projects}). */
    static List<String> projects() {
        return list("gateway.projects");
    }

    /** A provider's client id and secret as the gateway was configured with them. */
    static String clientIdOf(String provider) {
        return get("provider." + provider + ".client-id");
    }

    static String clientSecretOf(String provider) {
        return get("provider." + provider + ".client-secret");
    }

    /** A provider's webhook setting ({@code webhook-secret}, {@code webhook-verify-token}), if the run configures one. */
    static java.util.Optional<String> webhookSettingOf(String provider, String setting) {
        return java.util.Optional.ofNullable(System.getProperty("provider." + provider + "." + setting))
                .filter(value -> !value.isBlank());
    }

    /** A provider's webhook verify token, which the run configures. */
    static String verifyTokenOf(String provider) {
        return get("provider." + provider + ".webhook-verify-token");
    }

    /**
     * The providers of the run's configuration (its {@code wearables.providers}); each needs its client id and secret
     * as the system properties {@code provider.<slug>.client-id} and {@code .client-secret}, for the secrets sweep.
     */
    static List<String> providers() {
        return list("gateway.providers");
    }

    private static List<String> list(String name) {
        return Arrays.stream(get(name).split(","))
                .map(String::trim)
                .filter(item -> !item.isEmpty())
                .toList();
    }
}
