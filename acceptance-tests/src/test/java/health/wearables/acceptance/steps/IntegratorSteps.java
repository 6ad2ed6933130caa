package health.wearables.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

/** The HTTP contract, in an integrator's terms: status codes, error codes and headers. */
public class IntegratorSteps {
    private static final String NEVER_ISSUED_STATE = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    private final PatientJourney journey;
    private final Gateway gateway;
    private final GatewayLog log = new GatewayLog();
    private long logMark;
    private String fhirPath;

    public IntegratorSteps(PatientJourney journey, Gateway gateway) {
        this.journey = journey;
        this.gateway = gateway;
    }

    static void assertError(HttpResponse<String> answer, int status, String code) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        JsonNode error = Json.parse(answer.body()).get("error");
        assertThat(error).as(answer.body()).isNotNull();
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private String body() {
        return "{\"patientId\":\"" + journey.patientId + "\"}";
    }

    @When("a connection is started without an API key")
    public void withoutKey() {
        journey.answer = gateway.connect(null, "sandbox", body());
    }

    @When("a connection is started with the API key {string}")
    public void withKey(String key) {
        journey.answer = gateway.connect(key, "sandbox", body());
    }

    @When("the Acme project starts a connection to the provider {string}")
    public void unknownProvider(String provider) {
        journey.answer = gateway.connect(Settings.apiKeyOf("acme"), provider, body());
    }

    @When("the Acme project starts a Sandbox connection returning to {string}")
    public void returningTo(String redirectUri) {
        journey.answer = gateway.connect(
                Settings.apiKeyOf("acme"),
                "sandbox",
                "{\"patientId\":\"" + journey.patientId + "\",\"redirectUri\":\"" + redirectUri + "\"}");
    }

    @When("a callback arrives with a state that was never issued")
    public void neverIssued() {
        journey.answer = gateway.callback("/v1/wearables/sandbox/callback", "code=abc&state=" + NEVER_ISSUED_STATE);
    }

    @When("a callback arrives with a code but no state")
    public void codeWithoutState() {
        journey.answer = gateway.callback("/v1/wearables/sandbox/callback", "code=abc");
    }

    @Then("the answer is {int} with error code {string}")
    public void answerIs(int status, String code) {
        assertError(journey.answer, status, code);
    }

    @Then("the operations metrics count a callback refused with {string}")
    public void metricsCount(String code) {
        HttpResponse<String> metrics = gateway.metrics();
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()
                        .lines()
                        .filter(line -> line.startsWith("wearables_callback_outcomes_total{"))
                        .filter(line -> line.contains("outcome=\"" + code + "\""))
                        .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))))
                .as(metrics.body())
                .isNotEmpty()
                .allSatisfy(count -> assertThat(count).isPositive());
    }

    @When("the Acme project lists the providers")
    public void listsProviders() {
        journey.answer = gateway.providers(Settings.apiKeyOf("acme"));
    }

    @Then("{string} is listed as configured with OAuth {string}")
    public void listedConfigured(String slug, String version) {
        JsonNode provider = listed(slug);
        assertThat(provider.get("configured").asBoolean()).isTrue();
        assertThat(provider.get("oauthVersion").asText()).isEqualTo(version);
    }

    @Then("{string} is listed as not configured")
    public void listedNotConfigured(String slug) {
        JsonNode provider = listed(slug);
        assertThat(provider.get("configured").asBoolean()).isFalse();
        assertThat(provider.get("displayName").asText()).isNotBlank();
    }

    private JsonNode listed(String slug) {
        assertThat(journey.answer.statusCode()).as(journey.answer.body()).isEqualTo(200);
        for (JsonNode provider : Json.parse(journey.answer.body())) {
            if (provider.get("slug").asText().equals(slug)) {
                return provider;
            }
        }
        throw new AssertionError(slug + " is not listed: " + journey.answer.body());
    }

    @Then("the message names the missing key {string}")
    public void namesMissingKey(String key) {
        assertThat(Json.parse(journey.answer.body()).at("/error/message").asText())
                .contains(key);
    }

    @Then("the answer forbids caching and referrers")
    public void securityHeaders() {
        assertThat(journey.answer.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(journey.answer.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }

    @When("the Acme project starts a Sandbox connection with a body of type {string}")
    public void bodyOfType(String contentType) {
        journey.answer = gateway.request(
                "POST", "/v1/wearables/sandbox/connect", contentType, body(), Settings.apiKeyOf("acme"));
    }

    @When("the Acme project starts a Sandbox connection naming the patient twice")
    public void patientTwice() {
        journey.answer = gateway.request(
                "POST",
                "/v1/wearables/sandbox/connect",
                "application/json",
                "{\"patientId\":\"" + journey.patientId + "\",\"patientId\":\"someone-else\"}",
                Settings.apiKeyOf("acme"));
    }

    @When("a browser asks for {string}")
    public void browserAsksFor(String rawPath) {
        journey.answer = gateway.request("GET", rawPath, null, null, null);
    }

    @When("the Acme project sends {word} to {string}")
    public void methodTo(String method, String rawPath) {
        journey.answer = gateway.request(method, rawPath, null, null, Settings.apiKeyOf("acme"));
    }

    @Then("the answer allows only {string}")
    public void allowsOnly(String methods) {
        assertThat(journey.answer.headers().firstValue("Allow"))
                .hasValueSatisfying(allow -> assertThat(List.of(allow.split("\\s*,\\s*")))
                        .containsExactlyInAnyOrder(methods.split("\\s*,\\s*")));
    }

    @When("the FHIR record is read without an API key")
    public void fhirWithoutKey() {
        logMark = log.mark();
        fhirPath = "Endpoint/unauthenticated-" + UUID.randomUUID().toString().substring(0, 8);
        journey.answer = gateway.fhir(null, fhirPath);
    }

    @Then("the answer is a FHIR OperationOutcome with status {int}")
    public void operationOutcome(int status) {
        HttpResponse<String> answer = journey.answer;
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/fhir+json"));
        JsonNode outcome = Json.parse(answer.body());
        assertThat(outcome.path("resourceType").asText()).isEqualTo("OperationOutcome");
        assertThat(outcome.at("/issue/0/severity").asText()).isEqualTo("error");
        assertThat(outcome.at("/issue/0/diagnostics").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Then("the gateway logged the refusal in one INFO line, without a stack trace")
    public void refusalLoggedQuietly() {
        String path = "/fhir/" + fhirPath;
        Poll.until(
                "the refusal of " + path + " is in the log",
                () -> log.linesSince(logMark),
                written -> written.stream().anyMatch(line -> line.contains(path)));
        try {
            Thread.sleep(1000); // whatever else the request logged is written by now
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        // The gateway's own lines: a trace's span of the request (the run writes spans to the log) is not a log line
        // about the refusal.
        List<String> lines = log.linesSince(logMark).stream()
                .filter(line -> !line.contains("LoggingSpanExporter"))
                .toList();
        String written = String.join("\n", lines);
        assertThat(lines)
                .as(written)
                .filteredOn(line -> line.contains(path))
                .singleElement()
                .satisfies(line -> assertThat(GatewayLog.level(line)).as(line).isEqualTo("I"));
        assertThat(lines)
                .as(written)
                .noneMatch(line -> line.contains("AuthenticationException"))
                .noneMatch(line -> line.startsWith("\tat ca.uhn.fhir") || line.startsWith("\tat health.wearables"));
    }
}
