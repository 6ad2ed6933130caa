package health.wearables.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The third instance, whose Redis the scenarios stop and start again (hostile case 11, over HTTP). */
public class StateStoreOutageSteps {
    private final PatientJourney journey;
    private final Gateway gateway;
    private final ConnectingSteps connecting;
    private final ThirdInstanceRedis redis = new ThirdInstanceRedis();
    private final URI third = Settings.thirdGatewayBaseUrl();

    public StateStoreOutageSteps(PatientJourney journey, Gateway gateway, ConnectingSteps connecting) {
        this.journey = journey;
        this.gateway = gateway;
        this.connecting = connecting;
    }

    /** Whatever happened in the scenario, the next one finds the third instance's Redis running. */
    @After("@stops-redis")
    public void restoreRedis() {
        redis.ensureRunning();
    }

    @Given("Amara's care team has started connecting her Sandbox wearable on the third instance")
    public void startedOnThirdInstance() {
        connecting.start(third, "sandbox", body());
    }

    @Given("she has approved access at Sandbox and is on her way back")
    public void approvedAndOnHerWayBack() {
        URI link = connecting.approveAtVendor();
        assertThat(link.getPort())
                .as("Sandbox sends her back to the instance that started the connection")
                .isEqualTo(third.getPort());
    }

    @Given("the third instance's Redis has been down")
    public void hasBeenDown() {
        redis.stop();
        refusedForWantOfStateStore(gateway.connect(third, Settings.apiKeyOf(journey.project), "sandbox", body()));
    }

    @When("the third instance's Redis stops")
    public void stops() {
        redis.stop();
    }

    @When("the third instance's Redis starts again")
    public void startsAgain() {
        redis.start();
    }

    @Then("a connection started on the third instance is refused because the state store is unavailable")
    public void connectRefused() {
        refusedForWantOfStateStore(gateway.connect(third, Settings.apiKeyOf(journey.project), "sandbox", body()));
    }

    @Then("her return to the third instance is refused because the state store is unavailable")
    public void returnRefused() {
        journey.answer = gateway.browse(journey.returnLink);
        refusedForWantOfStateStore(journey.answer);
    }

    @Then("the third instance reports itself not ready")
    public void notReady() {
        HttpResponse<String> readiness = gateway.readiness(third);
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
        assertThat(checkStatus(readiness, "redis")).isEqualTo("DOWN");
    }

    @Then("the third instance reports itself ready")
    public void ready() {
        HttpResponse<String> readiness = gateway.readiness(third);
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(checkStatus(readiness, "redis")).isEqualTo("UP");
    }

    @Then("within {int} seconds the third instance starts connections again")
    public void connectsAgainWithin(int seconds) {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        HttpResponse<String> answer = gateway.connect(third, Settings.apiKeyOf(journey.project), "sandbox", body());
        while (answer.statusCode() != 201 && System.nanoTime() < deadline) {
            refusedForWantOfStateStore(answer);
            pause();
            answer = gateway.connect(third, Settings.apiKeyOf(journey.project), "sandbox", body());
        }
        assertThat(answer.statusCode())
                .as("a connection started " + seconds + " s after Redis came back: " + answer.body())
                .isEqualTo(201);
    }

    @Then("Amara can connect her Sandbox wearable on the third instance")
    public void connectsOnThirdInstance() {
        connecting.start(third, "sandbox", body());
        URI link = connecting.approveAtVendor();
        assertThat(link.getPort()).isEqualTo(third.getPort());
        journey.answer = gateway.browse(link);
        assertThat(journey.answer.statusCode()).as(journey.answer.body()).isEqualTo(200);
        assertThat(Json.parse(journey.answer.body()).get("ok").asBoolean()).isTrue();
        JsonNode connection = RecordSteps.onlyConnection(gateway, journey);
        assertThat(connection.get("provider").asText()).isEqualTo("sandbox");
        assertThat(connection.get("status").asText()).isEqualTo("active");
    }

    private static void refusedForWantOfStateStore(HttpResponse<String> answer) {
        // the status first, without the body: a connection that did start would show its state
        assertThat(answer.statusCode())
                .as("the status of an answer that must be a refusal")
                .isEqualTo(503);
        IntegratorSteps.assertError(answer, 503, "STATE_STORE_UNAVAILABLE");
        assertThat(answer.body())
                .as("no authorization address is handed out")
                .doesNotContain("authorizationUrl")
                .doesNotContain("http");
    }

    private static String checkStatus(HttpResponse<String> readiness, String name) {
        for (JsonNode check : Json.parse(readiness.body()).path("checks")) {
            if (name.equals(check.path("name").asText())) {
                return check.path("status").asText();
            }
        }
        throw new AssertionError("no readiness check named " + name + ": " + readiness.body());
    }

    private String body() {
        return "{\"patientId\":\"" + journey.patientId + "\"}";
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
