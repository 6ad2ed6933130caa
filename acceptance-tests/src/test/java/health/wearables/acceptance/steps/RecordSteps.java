package health.wearables.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the gateway answered the patient, and what her record holds afterwards. */
public class RecordSteps {
    private final PatientJourney journey;
    private final Gateway gateway;
    private final SandboxProvider sandbox;
    private final RedisProbe redis;
    private final InternalChecks internals;

    public RecordSteps(
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

    static JsonNode connections(Gateway gateway, PatientJourney journey) {
        HttpResponse<String> response = gateway.connections(Settings.apiKeyOf(journey.project), journey.patientId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }

    static JsonNode onlyConnection(Gateway gateway, PatientJourney journey) {
        JsonNode list = connections(gateway, journey);
        assertThat(list.size()).as(list.toString()).isEqualTo(1);
        return list.get(0);
    }

    @Then("her Sandbox account is connected to her record")
    public void connected() {
        JsonNode connection = onlyConnection(gateway, journey);
        assertThat(connection.get("provider").asText()).isEqualTo("sandbox");
        assertThat(connection.get("patientId").asText()).isEqualTo(journey.patientId);
        assertThat(connection.get("status").asText()).isEqualTo("active");
        assertThat(connection.get("scopes").toString()).contains("offline_access");
        journey.endpointId = connection.get("endpointId").asText();

        HttpResponse<String> endpoint =
                gateway.fhir(Settings.apiKeyOf(journey.project), "Endpoint/" + journey.endpointId);
        assertThat(endpoint.statusCode()).as(endpoint.body()).isEqualTo(200);
        JsonNode resource = Json.parse(endpoint.body());
        assertThat(resource.get("resourceType").asText()).isEqualTo("Endpoint");
        assertThat(resource.get("status").asText()).isEqualTo("active");
        assertThat(resource.toString()).contains("acme/" + journey.patientId + "/sandbox");
    }

    @Then("she is back on the dashboard, told that the connection succeeded")
    public void backOnDashboard() {
        URI location = backOnDashboard("sandbox");
        assertThat(location.toString()).doesNotContain(journey.code).doesNotContain(journey.state);
    }

    @Then("she is back on the dashboard, told that her {word} connection succeeded")
    public void backOnDashboardFrom(String provider) {
        URI location = backOnDashboard(provider);
        assertThat(location.getRawQuery()).doesNotContain("oauth_");
    }

    private URI backOnDashboard(String provider) {
        assertThat(journey.answer.statusCode()).as(journey.answer.body()).isEqualTo(302);
        URI location =
                URI.create(journey.answer.headers().firstValue("Location").orElseThrow());
        assertThat(location.getScheme() + "://" + location.getHost() + location.getPath())
                .isEqualTo(ConnectingSteps.DASHBOARD);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("status", "connected");
        expected.put("provider", provider);
        expected.put("patientId", journey.patientId);
        assertThat(Query.of(location)).containsExactlyEntriesOf(expected);
        return location;
    }

    @Then("the gateway confirms that her Sandbox account is connected")
    public void confirmsAsJson() {
        assertThat(journey.answer.statusCode()).as(journey.answer.body()).isEqualTo(200);
        JsonNode body = Json.parse(journey.answer.body());
        assertThat(body.get("ok").asBoolean()).isTrue();
        assertThat(body.get("provider").asText()).isEqualTo("sandbox");
        assertThat(body.get("patientId").asText()).isEqualTo(journey.patientId);
        assertThat(body.size()).isEqualTo(3);
    }

    @Then("the gateway reports the Sandbox connection as completed in Mirobody's terms")
    public void completedForMirobody() {
        assertThat(journey.answer.statusCode()).as(journey.answer.body()).isEqualTo(200);
        JsonNode body = Json.parse(journey.answer.body());
        assertThat(body.get("provider_slug").asText()).isEqualTo("sandbox");
        assertThat(body.get("stage").asText()).isEqualTo("completed");
        assertThat(body.has("access_token")).as("the token is never echoed").isFalse();
    }

    @Then("her record still holds one Sandbox connection, renewed")
    public void renewed() {
        JsonNode connection = onlyConnection(gateway, journey);
        assertThat(connection.get("endpointId").asText()).isEqualTo(journey.endpointId);
        HttpResponse<String> endpoint =
                gateway.fhir(Settings.apiKeyOf(journey.project), "Endpoint/" + journey.endpointId);
        assertThat(Json.parse(endpoint.body()).at("/meta/versionId").asText()).isEqualTo("2");
    }

    @Then("she is told the link is no longer valid")
    public void linkInvalid() {
        IntegratorSteps.assertError(journey.answer, 401, "INVALID_STATE");
    }

    @Then("she is told the link belongs to another vendor")
    public void otherVendor() {
        IntegratorSteps.assertError(journey.answer, 422, "PROVIDER_MISMATCH");
    }

    @Then("she is told that Sandbox did not grant access")
    public void notGranted() {
        IntegratorSteps.assertError(journey.answer, 400, "PROVIDER_ERROR");
        assertThat(journey.answer.body()).doesNotContain("denied</b>").doesNotContain("<b>");
    }

    @Then("she is told that Sandbox did not grant the access the connection needs")
    public void notEnoughAccess() {
        IntegratorSteps.assertError(journey.answer, 400, "PROVIDER_ERROR");
        assertThat(Json.parse(journey.answer.body()).at("/error/message").asText())
                .contains("offline_access");
    }

    @Then("her record holds no Sandbox connection")
    public void noConnection() {
        assertThat(connections(gateway, journey).size()).isZero();
        noSyncJobQueued();
    }

    private void noSyncJobQueued() {
        internals.alsoCheck(
                "no sync job is queued for her in the gateway's Redis",
                () -> assertThat(redis.syncJobsFor(journey.patientId))
                        .as("sync jobs queued for her")
                        .isZero());
    }

    @Then("she is told the return from Sandbox is incomplete")
    public void incomplete() {
        IntegratorSteps.assertError(journey.answer, 422, "MISSING_PARAMETER");
    }

    @Then("Sandbox was asked for her tokens only once")
    public void askedOnce() {
        assertThat(sandbox.tokenRequests() - journey.tokenRequestsBefore).isEqualTo(1);
    }

    @Then("nothing is connected for her")
    public void nothingConnected() {
        assertThat(connections(gateway, journey).size()).isZero();
        assertThat(sandbox.tokenRequests() - journey.tokenRequestsBefore)
                .as("no token request was made")
                .isZero();
        noSyncJobQueued();
    }
}
