package health.wearables.acceptance.steps;

import health.wearables.adapters.rest.out.provider.oauth1.Oauth1ProviderSimulator;
import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;

/**
 * Garmin's legacy OAuth 1.0a endpoints as the gateway under test was configured to find them: the OAuth 1.0a
 * provider simulator, which checks every signature with its own, independently written verification. It lives for the
 * whole run, on the port the gateway was configured with.
 */
public final class GarminLegacyProvider {
    private static Oauth1ProviderSimulator simulator;

    @BeforeAll
    public static void start() {
        simulator = Oauth1ProviderSimulator.start(
                Settings.get("oauth1.consumer-key"),
                Settings.get("oauth1.consumer-secret"),
                Settings.simulatorsBindAddress(),
                Integer.parseInt(Settings.get("oauth1.port")));
    }

    @AfterAll
    public static void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    Oauth1ProviderSimulator simulator() {
        return simulator;
    }
}
