package health.wearables.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** What Acme's care team system hears of Amara's connections: signed events at its webhook receiver. */
public class EventSteps {
    private final PatientJourney journey;
    private final Gateway gateway;
    private GatewayInstances.Instance killed;

    public EventSteps(PatientJourney journey, Gateway gateway) {
        this.journey = journey;
        this.gateway = gateway;
        PlatformReceiver.start();
    }

    @Given("Acme's care team system is down for the next {int} deliveries about her")
    public void downFor(int deliveries) {
        PlatformReceiver.downFor(journey.patientId, deliveries);
    }

    @Given("Acme's care team system is down")
    public void down() {
        PlatformReceiver.downFor(Integer.MAX_VALUE);
    }

    @When("Acme's care team system is back")
    public void back() {
        PlatformReceiver.downFor(0);
    }

    @When("the instance that connected her is killed")
    public void killTheConnectingInstance() {
        killed = GatewayInstances.sharingTheRunsRedis().get(0);
        assertThat(killed.address()).isEqualTo(Settings.gatewayBaseUrl());
        GatewayInstances.kill(killed);
    }

    @Then("the instance that connected her is started again")
    public void startAgain() {
        GatewayInstances.start(killed);
        assertThat(GatewayInstances.ready(killed)).isTrue();
    }

    @When("Acme's care team disconnects her Sandbox account")
    public void disconnects() {
        HttpResponse<String> answer = gateway.request(
                "DELETE",
                "/v1/wearables/sandbox/connections/" + journey.patientId,
                null,
                null,
                Settings.apiKeyOf(journey.project));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    }

    @Then("her care team's system hears {string} about her Sandbox account, signed by the gateway")
    public void hears(String type) {
        hearsWith(type, "");
    }

    @Then("her care team's system hears {string} about her Sandbox account with {string}, signed by the gateway")
    public void hearsWith(String type, String detail) {
        hearsAbout("sandbox", type, detail);
    }

    @Then("her care team's system hears {string} about her {wearable}, signed by the gateway")
    public void hearsAboutHerWearable(String type, String slug) {
        hearsAbout(slug, type, "");
    }

    private void hearsAbout(String slug, String type, String detail) {
        List<PlatformReceiver.Delivery> deliveries = Poll.until(
                "a " + type + " event for " + journey.patientId + " (" + detail + ") accepted by the receiver",
                () -> ofHer(type),
                found -> found.stream().anyMatch(delivery -> accepted(delivery, detail)),
                Duration.ofSeconds(75));
        assertThat(deliveries)
                .as("every delivery verifies with the Standard Webhooks reference library")
                .allMatch(PlatformReceiver.Delivery::verified);
        PlatformReceiver.Delivery accepted = deliveries.stream()
                .filter(delivery -> accepted(delivery, detail))
                .findFirst()
                .orElseThrow();
        JsonNode body = Json.parse(accepted.body());
        assertThat(body.path("type").asText()).isEqualTo(type);
        assertThat(body.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        JsonNode data = body.path("data");
        assertThat(data.path("project").asText()).isEqualTo(journey.project);
        assertThat(data.path("provider").asText()).isEqualTo(slug);
    }

    private static boolean accepted(PlatformReceiver.Delivery delivery, String detail) {
        if (delivery.answered() != 204) {
            return false;
        }
        if (detail.isEmpty()) {
            return true;
        }
        String[] pair = detail.split("=", 2);
        return pair[1].equals(
                Json.parse(delivery.body()).path("data").path(pair[0]).asText());
    }

    @Then("every attempt to deliver that {string} event carried the same webhook-id")
    public void sameId(String type) {
        List<PlatformReceiver.Delivery> deliveries = ofHer(type);
        assertThat(deliveries)
                .as("attempts: the refused ones and the accepted one")
                .hasSizeGreaterThan(1);
        assertThat(deliveries.stream().map(PlatformReceiver.Delivery::webhookId).distinct())
                .singleElement()
                .satisfies(id -> assertThat(id).startsWith("msg_"));
        assertThat(deliveries)
                .filteredOn(delivery -> delivery.answered() == 503)
                .isNotEmpty();
    }

    private List<PlatformReceiver.Delivery> ofHer(String type) {
        return PlatformReceiver.deliveries().stream()
                .filter(delivery -> {
                    JsonNode body = Json.parse(delivery.body());
                    return type.equals(body.path("type").asText())
                            && journey.patientId.equals(
                                    body.path("data").path("patientId").asText());
                })
                .toList();
    }
}
