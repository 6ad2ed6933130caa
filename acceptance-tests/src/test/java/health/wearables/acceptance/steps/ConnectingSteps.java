package health.wearables.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

/** A care team starts a connection; the patient approves, declines or comes back late or by the wrong door. */
public class ConnectingSteps {
    static final String DASHBOARD = "https://dashboard.acme.example/wearables/done";

    private final PatientJourney journey;
    private final Gateway gateway;
    private final SandboxProvider sandbox;
    private final RedisProbe redis;
    private final InternalChecks internals;

    public ConnectingSteps(
            PatientJourney journey,
            Gateway gateway,
            SandboxProvider sandbox,
            RedisProbe redis,
            InternalChecks internals) {
        this.journey = journey;
        this.gateway = gateway;
        this.sandbox = sandbox;
        this.redis = redis;
        this.internals = internals;
    }

    @Given("Amara is a patient of the Acme care team")
    public void amaraIsAPatient() {
        journey.tokenRequestsBefore = sandbox.tokenRequests();
    }

    @Given("Amara's care team has started connecting her Sandbox wearable, returning her to the dashboard")
    public void startedWithDashboard() {
        start("{\"patientId\":\"" + journey.patientId + "\",\"redirectUri\":\"" + DASHBOARD + "\"}");
    }

    @Given("Amara's care team has started connecting her Sandbox wearable")
    public void started() {
        start("{\"patientId\":\"" + journey.patientId + "\"}");
    }

    void start(String body) {
        start(Settings.gatewayBaseUrl(), "sandbox", body);
    }

    /** Starts a connection to a provider on a gateway instance; the journey keeps its authorization URL and state. */
    void start(URI instance, String provider, String body) {
        HttpResponse<String> response = gateway.connect(instance, Settings.apiKeyOf(journey.project), provider, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode json = Json.parse(response.body());
        journey.authorizationUrl = URI.create(json.get("authorizationUrl").asText());
        assertThat(json.get("expiresAt").asText()).isNotBlank();
        journey.state = Query.of(journey.authorizationUrl).get("state");
        assertThat(journey.state).hasSize(43);
    }

    @When("she approves access at Sandbox")
    public void approves() {
        journey.answer = gateway.browse(approveAtSandbox());
    }

    /** Sandbox's consent screen: it sends the browser back to the gateway with a code and the state. */
    URI approveAtSandbox() {
        return approveAtVendor();
    }

    /** The consent screen of the vendor the journey is connecting to, which sends the browser back the same way. */
    URI approveAtVendor() {
        HttpResponse<String> consent = gateway.browse(journey.authorizationUrl);
        assertThat(consent.statusCode())
                .as("the vendor redirects back after consent")
                .isEqualTo(302);
        journey.returnLink = URI.create(consent.headers().firstValue("Location").orElseThrow());
        Map<String, String> query = Query.of(journey.returnLink);
        assertThat(query.get("state")).isEqualTo(journey.state);
        journey.code = query.get("code");
        return journey.returnLink;
    }

    @When("she approves access at Sandbox, which returns her through the Mirobody-compatible address")
    public void approvesThroughMirobody() {
        URI link = approveAtSandbox();
        journey.answer = gateway.callback("/api/v1/pulse/theta/sandbox/callback", link.getRawQuery());
    }

    @Given("she approves access at Sandbox after the link has expired")
    public void approvesAfterExpiry() throws InterruptedException {
        redis.expire(journey.state);
        approves();
    }

    @When("the return arrives on the address of another vendor, Other Sandbox")
    public void returnsToAnotherVendor() {
        URI link = approveAtSandbox();
        journey.answer = gateway.callback("/v1/wearables/othersandbox/callback", link.getRawQuery());
    }

    @When("she declines access at Sandbox")
    public void declines() {
        journey.answer = gateway.callback(
                "/v1/wearables/sandbox/callback",
                "error=access_denied&error_description=" + Gateway.encode("The user <b>denied</b>\r\naccess")
                        + "&state=" + journey.state);
    }

    @When("a link scanner checks her return link from Sandbox before she opens it")
    public void linkScannerChecks() {
        URI link = approveAtSandbox();
        for (String method : new String[] {"HEAD", "OPTIONS"}) {
            HttpResponse<String> probe = gateway.probe(method, link);
            assertThat(probe.statusCode()).as(method).isEqualTo(405);
        }
    }

    @Then("the return link still connects her Sandbox account when she opens it")
    public void returnLinkStillWorks() {
        journey.answer = gateway.browse(journey.returnLink);
        assertThat(journey.answer.statusCode()).as(journey.answer.body()).isEqualTo(200);
        assertThat(Json.parse(journey.answer.body()).get("ok").asBoolean()).isTrue();
    }

    @When("she approves at Sandbox only part of the access it asked for")
    public void approvesPartly() {
        URI link = approveAtSandbox();
        // As vendors like Strava do, Sandbox reports on the return link the access she actually granted.
        journey.answer = gateway.callback("/v1/wearables/sandbox/callback", link.getRawQuery() + "&scope=openid");
    }

    @When("Sandbox sends her back without an authorization code")
    public void backWithoutCode() {
        journey.answer = gateway.callback("/v1/wearables/sandbox/callback", "state=" + journey.state);
    }

    @Given("Amara has connected her Sandbox account")
    public void hasConnected() {
        started();
        approves();
        assertThat(journey.answer.statusCode()).as(journey.answer.body()).isEqualTo(200);
        journey.endpointId =
                RecordSteps.onlyConnection(gateway, journey).get("endpointId").asText();
        // a later step that looks for her tokens where they must not be needs them: such a scenario is not a
        // conformance scenario
        internals.alsoCheck("the tokens sealed in her Endpoint open with the gateway's keyset", () -> {
            HttpResponse<String> endpoint =
                    gateway.fhir(Settings.apiKeyOf(journey.project), "Endpoint/" + journey.endpointId);
            journey.issuedTokens = java.util.Optional.of(
                    SealedCredentials.open(Json.parse(endpoint.body()), journey.project, journey.patientId, "sandbox"));
            assertThat(journey.issuedTokens.get().accessToken())
                    .as("Sandbox issues JWT access tokens")
                    .startsWith("eyJ");
        });
    }

    @Given("Amara's Sandbox account is already connected to her record")
    public void alreadyConnected() {
        started();
        approves();
        assertThat(journey.answer.statusCode()).as(journey.answer.body()).isEqualTo(200);
        journey.endpointId =
                RecordSteps.onlyConnection(gateway, journey).get("endpointId").asText();
    }

    @When("her care team connects her Sandbox wearable again and she approves access")
    public void connectsAgain() {
        started();
        approves();
        assertThat(journey.answer.statusCode()).as(journey.answer.body()).isEqualTo(200);
    }

    @When("she opens the same return link again")
    public void opensAgain() {
        journey.answer = gateway.browse(journey.returnLink);
    }
}
