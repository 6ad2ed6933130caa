package health.wearables.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A store fails right after Sandbox issued a patient's credentials: the FHIR store's database refuses the gateway, or
 * the sync queue refuses jobs. Whatever a scenario breaks, its {@code @After} hook mends, even when the scenario failed.
 */
public class OutageSteps {
    private static final String SYNC_TAG = "https://wearables.health/fhir/CodeSystem/sync";

    private final PatientJourney journey;
    private final Gateway gateway;
    private final RedisProbe redis;
    private boolean fhirStoreRefusing;
    private boolean syncQueueBlocked;

    public OutageSteps(PatientJourney journey, Gateway gateway, RedisProbe redis) {
        this.journey = journey;
        this.gateway = gateway;
        this.redis = redis;
    }

    @After
    public void mendWhatTheScenarioBroke() throws SQLException {
        if (fhirStoreRefusing) {
            FhirDatabase.allowConnections();
            fhirStoreRefusing = false;
        }
        if (syncQueueBlocked) {
            redis.unblockSyncStream();
            syncQueueBlocked = false;
        }
    }

    // The FHIR store

    @Given("the FHIR store is unreachable")
    public void fhirStoreUnreachable() throws SQLException {
        fhirStoreRefusing = true;
        FhirDatabase.refuseConnections();
    }

    @When("the FHIR store is reachable again")
    public void fhirStoreBack() throws SQLException {
        if (journey.issuedTokens.isEmpty()) {
            // the scenario's patient's held credentials, if she has any (in the failover feature another patient has)
            journey.issuedTokens = redis.heldCredentials(journey.project, journey.patientId, "sandbox")
                    .map(held -> SealedCredentials.openHeld(
                            Json.parse(held), journey.project, journey.patientId, "sandbox"));
        }
        FhirDatabase.allowConnections();
        fhirStoreRefusing = false;
    }

    @Then("she is back on the dashboard, told that the connection is pending")
    public void backOnDashboardPending() {
        assertThat(journey.answer.statusCode()).as(journey.answer.body()).isEqualTo(302);
        URI location =
                URI.create(journey.answer.headers().firstValue("Location").orElseThrow());
        assertThat(location.getScheme() + "://" + location.getHost() + location.getPath())
                .isEqualTo(ConnectingSteps.DASHBOARD);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("status", "pending");
        expected.put("provider", "sandbox");
        expected.put("patientId", journey.patientId);
        assertThat(Query.of(location)).containsExactlyEntriesOf(expected);
    }

    @Then("the gateway tells her that her Sandbox connection is pending")
    public void pendingAsJson() {
        assertThat(journey.answer.statusCode()).as(journey.answer.body()).isEqualTo(202);
        JsonNode body = Json.parse(journey.answer.body());
        assertThat(body.get("ok").asBoolean()).isTrue();
        assertThat(body.get("provider").asText()).isEqualTo("sandbox");
        assertThat(body.get("patientId").asText()).isEqualTo(journey.patientId);
        assertThat(body.get("pending").asBoolean()).isTrue();
        assertThat(body.size()).isEqualTo(4);
    }

    @Then("the gateway reports the Sandbox connection as pending in Mirobody's terms")
    public void pendingForMirobody() {
        assertThat(journey.answer.statusCode()).as(journey.answer.body()).isEqualTo(202);
        JsonNode body = Json.parse(journey.answer.body());
        assertThat(body.get("provider_slug").asText()).isEqualTo("sandbox");
        assertThat(body.get("stage").asText()).isEqualTo("pending");
        assertThat(body.size()).isEqualTo(2);
    }

    @Then("the credentials Sandbox issued are kept in the gateway's Redis only in sealed form")
    public void keptSealed() {
        PatientJourney.IssuedTokens issued = heldTokens();
        journey.issuedTokens = java.util.Optional.of(issued);
        assertThat(issued.accessToken()).as("Sandbox issues JWT access tokens").startsWith("eyJ");
        assertThat(issuerOf(issued.accessToken()))
                .as("the access token was issued by Sandbox")
                .endsWith("/sandbox");
        assertThat(redis.everything())
                .as("everything the gateway keeps in Redis")
                .contains(journey.patientId)
                .doesNotContain(issued.accessToken())
                .doesNotContain(issued.refreshToken());
    }

    /** The held credentials, opened with the gateway's keyset: the tokens Sandbox issued. */
    private PatientJourney.IssuedTokens heldTokens() {
        String held = redis.heldCredentials(journey.project, journey.patientId, "sandbox")
                .orElseThrow(() -> new AssertionError("the gateway holds no credentials for her Sandbox connection"));
        return SealedCredentials.openHeld(Json.parse(held), journey.project, journey.patientId, "sandbox");
    }

    private static String issuerOf(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.", -1)[1]), StandardCharsets.UTF_8);
        return Json.parse(payload).path("iss").asText();
    }

    @Then("her Sandbox connection is listed as pending")
    public void listedAsPending() {
        HttpResponse<String> response = gateway.connections(Settings.apiKeyOf(journey.project), journey.patientId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Listing-Incomplete"))
                .as("the FHIR store could not be asked, and the listing says so")
                .contains("true");
        JsonNode list = Json.parse(response.body());
        assertThat(list.size()).as(response.body()).isEqualTo(1);
        assertThat(list.get(0).get("provider").asText()).isEqualTo("sandbox");
        assertThat(list.get(0).get("status").asText()).isEqualTo("pending");
        assertThat(list.get(0).path("endpointId").isNull())
                .as("no Endpoint yet")
                .isTrue();
        journey.issuedTokens.ifPresent(tokens ->
                assertThat(response.body()).doesNotContain(tokens.accessToken()).doesNotContain(tokens.refreshToken()));
    }

    @Then("her Sandbox account is soon connected to her record, with the credentials Sandbox issued")
    public void soonConnected() {
        JsonNode connection = Poll.until(
                        "her Sandbox connection is listed as active",
                        () -> RecordSteps.connections(gateway, journey),
                        list -> list.size() == 1
                                && "active".equals(list.get(0).path("status").asText()))
                .get(0);
        journey.endpointId = connection.get("endpointId").asText();
        HttpResponse<String> endpoint =
                gateway.fhir(Settings.apiKeyOf(journey.project), "Endpoint/" + journey.endpointId);
        assertThat(endpoint.statusCode()).as(endpoint.body()).isEqualTo(200);
        PatientJourney.IssuedTokens stored =
                SealedCredentials.open(Json.parse(endpoint.body()), journey.project, journey.patientId, "sandbox");
        assertThat(stored).isEqualTo(journey.issuedTokens.orElseThrow());
    }

    @Then("nothing is kept for her in the gateway's Redis any more")
    public void nothingHeld() {
        Poll.until(
                "the gateway holds nothing more for her Sandbox connection",
                () -> redis.heldCredentials(journey.project, journey.patientId, "sandbox"),
                java.util.Optional::isEmpty);
    }

    // The sync queue

    @Given("the sync queue refuses new jobs")
    public void syncQueueRefuses() {
        syncQueueBlocked = true;
        redis.blockSyncStream();
    }

    @When("the sync queue accepts jobs again")
    public void syncQueueBack() {
        redis.unblockSyncStream();
        syncQueueBlocked = false;
    }

    @Then("her record notes that her first data sync is still to be queued")
    public void syncNoted() {
        assertThat(syncTagged())
                .as("the Endpoint carries the tag " + SYNC_TAG + "|pending")
                .isTrue();
    }

    @Then("her record no longer notes a data sync to be queued")
    public void syncNoLongerNoted() {
        Poll.until(
                "the Endpoint no longer carries the tag " + SYNC_TAG + "|pending", this::syncTagged, tagged -> !tagged);
    }

    private boolean syncTagged() {
        String endpointId = journey.endpointId != null
                ? journey.endpointId
                : RecordSteps.onlyConnection(gateway, journey).get("endpointId").asText();
        HttpResponse<String> endpoint = gateway.fhir(Settings.apiKeyOf(journey.project), "Endpoint/" + endpointId);
        assertThat(endpoint.statusCode()).as(endpoint.body()).isEqualTo(200);
        for (JsonNode tag : Json.parse(endpoint.body()).path("meta").path("tag")) {
            if (SYNC_TAG.equals(tag.path("system").asText())
                    && "pending".equals(tag.path("code").asText())) {
                return true;
            }
        }
        return false;
    }
}
