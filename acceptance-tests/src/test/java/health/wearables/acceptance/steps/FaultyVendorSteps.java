package health.wearables.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/** Connecting through Faulty, whose token service answers as the scenario chooses (hostile cases 27-36). */
public class FaultyVendorSteps {
    /** Time the gateway may take beyond its deadline to answer the patient (its own work, a loaded machine). */
    private static final Duration SLACK = Duration.ofSeconds(3);

    private static final String CLIENT_CONFIGURATION_ERROR =
            "check wearables.providers.faulty.client-id / client-secret";

    private final PatientJourney journey;
    private final Gateway gateway;
    private final ConnectingSteps connecting;
    private final FaultyProvider faulty;
    private final RedisProbe redis;
    private final InternalChecks internals;
    private int tokenRequestsBefore;
    private int redirectTargetRequestsBefore;
    private int violationsBefore;
    private long configurationErrorsBefore;
    private Duration callbackTook;
    private Instant approvedAt;

    public FaultyVendorSteps(
            PatientJourney journey,
            Gateway gateway,
            ConnectingSteps connecting,
            FaultyProvider faulty,
            RedisProbe redis,
            InternalChecks internals) {
        this.journey = journey;
        this.gateway = gateway;
        this.connecting = connecting;
        this.faulty = faulty;
        this.redis = redis;
        this.internals = internals;
    }

    @Given("Amara's care team has started connecting her Faulty wearable")
    public void started() {
        connecting.start(Settings.gatewayBaseUrl(), "faulty", "{\"patientId\":\"" + journey.patientId + "\"}");
        tokenRequestsBefore = faulty.tokenRequests();
        redirectTargetRequestsBefore = faulty.redirectTargetRequests();
        violationsBefore = faulty.violations().size();
    }

    @Given("Faulty's token service {}")
    public void tokenServiceAnswers(String phrase) {
        FaultyProvider.Answer answer = FaultyProvider.Answer.of(phrase);
        if (answer == FaultyProvider.Answer.INVALID_CLIENT) {
            // the log is read only where the scenario is about it: a conformance run reads none
            configurationErrorsBefore = occurrencesInLogOfFirstInstance(CLIENT_CONFIGURATION_ERROR);
        }
        faulty.answerTokenRequestsWith(answer);
    }

    @When("she approves access at Faulty")
    public void approves() {
        java.net.URI returnLink = connecting.approveAtVendor();
        approvedAt = Instant.now();
        long start = System.nanoTime();
        journey.answer = gateway.browse(returnLink);
        callbackTook = Duration.ofNanos(System.nanoTime() - start);
    }

    @Then("she is told that connecting Faulty failed, within the gateway's deadline")
    public void toldItFailed() {
        IntegratorSteps.assertError(journey.answer, 502, "TOKEN_EXCHANGE_FAILED");
        assertThat(callbackTook)
                .as("time the patient waited")
                .isLessThan(Settings.tokenEndpointDeadline().plus(SLACK));
    }

    @Then("Faulty was asked for her tokens exactly once")
    public void askedOnce() {
        assertThat(faulty.tokenRequests() - tokenRequestsBefore)
                .as("token requests at Faulty")
                .isEqualTo(1);
        assertThat(faulty.redirectTargetRequests() - redirectTargetRequestsBefore)
                .as("requests at the address Faulty redirected to")
                .isZero();
        assertThat(faulty.violations()
                        .subList(violationsBefore, faulty.violations().size()))
                .as("what Faulty found wrong with the gateway's requests")
                .isEmpty();
    }

    @Then("her record holds no Faulty connection")
    public void noConnection() {
        assertThat(RecordSteps.connections(gateway, journey).size())
                .as("her connections")
                .isZero();
        internals.alsoCheck(
                "no sync job is queued for her in the gateway's Redis",
                () -> assertThat(redis.syncJobsFor(journey.patientId))
                        .as("sync jobs queued for her")
                        .isZero());
    }

    @Then("the operators' log points at Faulty's client configuration without revealing the secret")
    public void configurationErrorLogged() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (occurrencesInLogOfFirstInstance(CLIENT_CONFIGURATION_ERROR) <= configurationErrorsBefore) {
            assertThat(System.nanoTime())
                    .as("the configuration error is logged within 10 s")
                    .isLessThan(deadline);
            sleep(Duration.ofMillis(200));
        }
        assertThat(occurrencesInLogOfFirstInstance(Settings.clientSecretOf("faulty")))
                .as("the client secret in the log")
                .isZero();
    }

    @Then("her Faulty account is connected to her record")
    public void connected() {
        assertThat(journey.answer.statusCode()).as(journey.answer.body()).isEqualTo(200);
        JsonNode connection = RecordSteps.onlyConnection(gateway, journey);
        assertThat(connection.get("provider").asText()).isEqualTo("faulty");
        assertThat(connection.get("status").asText()).isEqualTo("active");
        journey.endpointId = connection.get("endpointId").asText();
        assertThat(faulty.violations()
                        .subList(violationsBefore, faulty.violations().size()))
                .as("what Faulty found wrong with the gateway's requests")
                .isEmpty();
    }

    @Then("her Faulty connection holds the access token Faulty issued, expiring in an hour, and no refresh token")
    public void nonRefreshable() {
        FaultyProvider.Issued issued = faulty.lastIssued();
        assertThat(issued.refreshToken().isPresent())
                .as("Faulty issued a refresh token")
                .isFalse();
        SealedCredentials.Opened stored = storedCredentials();
        assertThat(stored.accessToken().equals(issued.accessToken()))
                .as("the stored access token is the one Faulty " + "issued (tokens are compared, never shown)")
                .isTrue();
        assertThat(stored.refreshToken().isPresent())
                .as("a refresh token in her record")
                .isFalse();
        Instant expiresAt = Instant.parse(RecordSteps.onlyConnection(gateway, journey)
                .get("accessTokenExpiresAt")
                .asText());
        assertThat(expiresAt)
                .isBetween(approvedAt.plusSeconds(3600 - 60), Instant.now().plusSeconds(3600 + 60));
    }

    @Then("her Faulty connection's access token counts as expiring within 366 days")
    public void clampedExpiry() {
        assertThat(faulty.lastIssued().expiresIn())
                .as("what Faulty claimed, in seconds")
                .isGreaterThan(Duration.ofDays(3650).toSeconds());
        JsonNode connection = RecordSteps.onlyConnection(gateway, journey);
        Instant expiresAt = Instant.parse(connection.get("accessTokenExpiresAt").asText());
        assertThat(expiresAt)
                .as("the expiry her care team sees")
                .isAfter(approvedAt.plus(Duration.ofDays(365)))
                .isBeforeOrEqualTo(Instant.now().plus(Duration.ofDays(366)));
        internals.alsoCheck(
                "the access token sealed in her Endpoint, opened with the gateway's keyset, is the one Faulty issued",
                () -> assertThat(storedCredentials()
                                .accessToken()
                                .equals(faulty.lastIssued().accessToken()))
                        .as("the stored access token is the one Faulty issued")
                        .isTrue());
    }

    private SealedCredentials.Opened storedCredentials() {
        HttpResponse<String> endpoint =
                gateway.fhir(Settings.apiKeyOf(journey.project), "Endpoint/" + journey.endpointId);
        assertThat(endpoint.statusCode()).as(endpoint.body()).isEqualTo(200);
        return SealedCredentials.openWhatIsThere(Json.parse(endpoint.body()));
    }

    /** How often a text occurs in the log files of the first instance, the one the Faulty scenarios use. */
    private static long occurrencesInLogOfFirstInstance(String text) {
        Path logs = Settings.gatewayLogDirectories().get(0);
        try (Stream<Path> files = Files.walk(logs)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> count(read(file), text))
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long count(String haystack, String needle) {
        long count = 0;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
