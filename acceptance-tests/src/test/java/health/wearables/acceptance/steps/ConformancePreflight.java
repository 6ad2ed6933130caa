package health.wearables.acceptance.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.BeforeAll;
import java.net.URI;
import java.net.http.HttpResponse;

/**
 * Before a conformance run's first scenario, once its simulators are up: is the gateway there, ready, holding the two
 * projects' keys it was given, and does it send patients to the simulators at the address it was given? Each answer
 * that is no stops the run with one sentence naming the property or the configuration to fix, rather than with 82
 * failed scenarios.
 */
public final class ConformancePreflight {
    private ConformancePreflight() {}

    /** After the simulators' hooks (a higher order runs later). */
    @BeforeAll(order = 20000)
    public static void check() {
        if (!Settings.conformanceRun()) {
            return;
        }
        URI base = Settings.gatewayBaseUrl();
        Gateway gateway = new Gateway();
        HttpResponse<String> ready;
        try {
            ready = gateway.readiness(base);
        } catch (RuntimeException unreachable) {
            throw new IllegalStateException(
                    "The gateway at " + base + " (conformance.base-url) does not answer: " + unreachable, unreachable);
        }
        require(
                ready.statusCode() == 200,
                "The gateway at " + base + " is not ready: /health/ready answers " + ready.statusCode() + " "
                        + ready.body());
        for (String project : new String[] {"acme", "globex"}) {
            HttpResponse<String> providers = gateway.providers(Settings.apiKeyOf(project));
            require(
                    providers.statusCode() == 200,
                    "The gateway refuses the API key given for project '" + project + "' ("
                            + ("acme".equals(project) ? "conformance.api-key" : "conformance.second-api-key")
                            + "): " + providers.statusCode() + "; the deployment needs the projects of"
                            + " acceptance-tests/conformance/gateway.env.template, with the SHA-256 of these keys");
        }
        String expected = Settings.simulatorsAddress();
        HttpResponse<String> started =
                gateway.connect(Settings.apiKeyOf("acme"), "sandbox", "{\"patientId\":\"conformance-preflight\"}");
        require(
                started.statusCode() == 201,
                "The gateway does not start a connection to the provider 'sandbox': " + started.statusCode() + " "
                        + started.body() + "; configure it from acceptance-tests/conformance/gateway.env.template");
        JsonNode url = Json.parse(started.body()).path("authorizationUrl");
        String host = URI.create(url.asText()).getHost();
        require(
                expected.equalsIgnoreCase(host),
                "The gateway sends patients to the simulators at '" + host + "', but this run's simulators are at '"
                        + expected + "' (conformance.simulators-address): configure the gateway from"
                        + " acceptance-tests/conformance/gateway.env.template with that address");
    }

    private static void require(boolean condition, String otherwise) {
        if (!condition) {
            throw new IllegalStateException(otherwise);
        }
    }
}
