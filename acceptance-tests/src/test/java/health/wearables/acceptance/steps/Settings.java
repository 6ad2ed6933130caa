package health.wearables.acceptance.steps;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What the build tells the tests about the gateway it started (failsafe system properties).
 *
 * <p>In a conformance run ({@code conformance.run=true}: the {@code conformance} profile, or the build's own
 * {@code conformance} execution) the gateway under test is a deployment reached only through its public API. Every
 * setting that leads to its internals (its Redis, its database, its log files, its token keyset, its WAR, its other
 * instances) then throws {@link NotAvailableInAConformanceRun}, so that a scenario tagged {@code @conformance} by
 * mistake fails loudly instead of passing without the check.
 */
final class Settings {
    /** Settings, by name or prefix, that lead to the gateway's internals rather than to its public API. */
    private static final List<String> INTERNALS = List.of(
            "gateway.base-url.b",
            "gateway.base-url.c",
            "gateway.c.",
            "gateway.log-dirs",
            "gateway.data-dir",
            "gateway.war",
            "redis.",
            "fhir.");

    private Settings() {}

    /** Whether the run is a conformance run: the gateway's public API and the simulators, nothing else. */
    static boolean conformanceRun() {
        return Boolean.parseBoolean(System.getProperty("conformance.run"));
    }

    /** Thrown when a step reaches for an internal of the gateway in a conformance run. */
    static final class NotAvailableInAConformanceRun extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        NotAvailableInAConformanceRun(String what) {
            super(what + " is not available in a conformance run: the gateway under test (" + get("gateway.base-url")
                    + ") is reached through its public API only. A scenario that needs it is not a conformance"
                    + " scenario: remove its @conformance tag, or make the step's internal check one that a"
                    + " conformance run skips (InternalChecks)");
        }
    }

    /** Throws in a conformance run: for whatever reaches the gateway's internals other than through a setting. */
    static void internal(String what) {
        if (conformanceRun()) {
            throw new NotAvailableInAConformanceRun(what);
        }
    }

    static String get(String name) {
        if (INTERNALS.stream().anyMatch(name::startsWith)) {
            internal("The setting " + name);
        }
        String value = System.getProperty(name);
        // a Maven property nobody gave arrives as its own expression
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("System property " + name + " is not set: run the acceptance tests with"
                    + " Maven (mvn verify; a conformance run with -Pconformance and its -Dconformance.… properties)");
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
        internal("The gateway's Redis");
        return java.util.Optional.ofNullable(System.getProperty("redis.config-file"))
                .filter(value -> !value.isBlank())
                .map(Path::of);
    }

    /** {@code cluster} or {@code sentinel} in a run on a topology; none on the single Redis. */
    static java.util.Optional<String> redisTopology() {
        internal("The gateway's Redis");
        return java.util.Optional.ofNullable(System.getProperty("redis.topology"))
                .filter(value -> !value.isBlank());
    }

    /** Where {@code start.sh} and {@code restart.sh} of the topologies are, in a run on a topology. */
    static Path redisTopologiesDirectory() {
        internal("The gateway's Redis");
        return Path.of(get("redis.topologies-dir"));
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

    /**
     * The address the simulators listen on: {@code simulators.bind-address} if set; else loopback in the build's own
     * run, and every interface in a conformance run, whose gateway may run on another host.
     */
    static InetAddress simulatorsBindAddress() {
        String address = System.getProperty("simulators.bind-address", "");
        if (address.isBlank()) {
            if (!conformanceRun()) {
                return InetAddress.getLoopbackAddress();
            }
            address = "0.0.0.0";
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("simulators.bind-address is not an address of this host", e);
        }
    }

    /**
     * The host the gateway was configured to reach the simulators at, as it shows in the addresses it hands out: {@code
     * conformance.simulators-address} in a conformance run, {@code localhost} in the build's own (see the pom).
     */
    static String simulatorsAddress() {
        return conformanceRun() ? get("conformance.simulators-address") : "localhost";
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
