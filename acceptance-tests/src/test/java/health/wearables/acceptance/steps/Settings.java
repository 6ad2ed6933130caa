package health.wearables.acceptance.steps;

import java.net.URI;
import java.nio.file.Path;

/** What the build tells the tests about the gateway it started (failsafe system properties). */
final class Settings {
    private Settings() {
    }

    static String get(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set: run the acceptance tests with Maven (mvn verify)");
        }
        return value;
    }

    static URI gatewayBaseUrl() {
        return URI.create(get("gateway.base-url"));
    }

    static Path gatewayLogDirectory() {
        return Path.of(get("gateway.log-dir"));
    }

    static Path gatewayDataDirectory() {
        return Path.of(get("gateway.data-dir"));
    }

    static int oauthPort() {
        return Integer.parseInt(get("oauth.port"));
    }

    static String apiKeyOf(String project) {
        return get("project." + project + ".api-key");
    }
}
