package health.wearables.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import health.wearables.acceptance.sweep.SecretKind;
import health.wearables.adapters.rest.out.provider.oauth1.Oauth1ProviderSimulator;
import health.wearables.application.port.out.TokenCipher.TokenKind;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** A patient connects through Garmin's legacy OAuth 1.0a flow (RFC 5849), against the provider simulator. */
public class Oauth1Steps {
    private static final String PROVIDER = "garmin-legacy";

    private final PatientJourney journey;
    private final Gateway gateway;
    private final Oauth1ProviderSimulator garmin;
    private String temporaryToken;
    private String verifier;
    private int tokenCallsBefore;
    private int rejectedBefore;

    public Oauth1Steps(PatientJourney journey, Gateway gateway, GarminLegacyProvider provider) {
        this.journey = journey;
        this.gateway = gateway;
        this.garmin = provider.simulator();
    }

    @After("@oauth1")
    public void confirmCallbacksAgain() {
        garmin.confirmCallbackAs("true");
        // temporary secrets, verifiers, token credentials: none may show up anywhere (whole-run sweep)
        garmin.secretsHandedOut().forEach(value -> RunSecrets.remember(SecretKind.OAUTH_TOKEN_SECRET, value));
    }

    @Given("Amara's care team has started connecting her Garmin through Garmin's legacy OAuth 1.0a flow")
    public void started() {
        tokenCallsBefore = garmin.calls(Oauth1ProviderSimulator.TOKEN);
        rejectedBefore = garmin.signaturesRejected();
        journey.answer = gateway.connect(
                Settings.apiKeyOf(journey.project),
                PROVIDER,
                "{\"patientId\":\"" + journey.patientId + "\",\"redirectUri\":\"" + ConnectingSteps.DASHBOARD + "\"}");
        assertThat(journey.answer.statusCode()).as(journey.answer.body()).isEqualTo(201);
        journey.authorizationUrl = URI.create(
                Json.parse(journey.answer.body()).get("authorizationUrl").asText());
        assertThat(journey.authorizationUrl.getPath()).isEqualTo(Oauth1ProviderSimulator.AUTHORIZE);
        temporaryToken = Query.of(journey.authorizationUrl).get("oauth_token");
        assertThat(temporaryToken).isNotBlank();
    }

    @When("she approves access at Garmin")
    public void approves() {
        journey.answer = gateway.browse(approveAtGarmin());
    }

    /** Garmin's consent page sends the browser back to the gateway with the temporary token and a verifier. */
    private URI approveAtGarmin() {
        HttpResponse<String> consent = gateway.browse(journey.authorizationUrl);
        assertThat(consent.statusCode())
                .as("Garmin redirects back after consent")
                .isEqualTo(302);
        journey.returnLink = URI.create(consent.headers().firstValue("Location").orElseThrow());
        assertThat(journey.returnLink.getPath()).isEqualTo("/v1/wearables/" + PROVIDER + "/callback");
        Map<String, String> query = Query.of(journey.returnLink);
        assertThat(query.get("oauth_token")).isEqualTo(temporaryToken);
        verifier = query.get("oauth_verifier");
        RunSecrets.remember(SecretKind.OAUTH_TOKEN, temporaryToken);
        RunSecrets.remember(SecretKind.OAUTH_VERIFIER, verifier);
        return journey.returnLink;
    }

    @When("Garmin sends her back without the verifier")
    public void backWithoutVerifier() {
        approveAtGarmin();
        journey.answer = gateway.callback(journey.returnLink.getRawPath(), "oauth_token=" + temporaryToken);
    }

    @Then(
            "her Garmin account is connected to her record with the token credentials Garmin issued, sealed, and her Garmin user id")
    public void connected() {
        JsonNode connection = RecordSteps.onlyConnection(gateway, journey);
        assertThat(connection.get("provider").asText()).isEqualTo(PROVIDER);
        assertThat(connection.get("status").asText()).isEqualTo("active");
        journey.endpointId = connection.get("endpointId").asText();
        HttpResponse<String> endpoint =
                gateway.fhir(Settings.apiKeyOf(journey.project), "Endpoint/" + journey.endpointId);
        assertThat(endpoint.statusCode()).as(endpoint.body()).isEqualTo(200);
        JsonNode resource = Json.parse(endpoint.body());
        String token = SealedCredentials.open(
                resource,
                journey.project,
                journey.patientId,
                PROVIDER,
                TokenKind.ACCESS,
                "access",
                SecretKind.OAUTH_TOKEN);
        String secret = SealedCredentials.open(
                resource,
                journey.project,
                journey.patientId,
                PROVIDER,
                TokenKind.TOKEN_SECRET,
                "token-secret",
                SecretKind.OAUTH_TOKEN_SECRET);
        assertThat(garmin.issued(token, secret))
                .as("the Endpoint holds what Garmin issued")
                .isTrue();
        assertThat(resource.path("identifier").findValuesAsText("system"))
                .contains("https://wearables.health/fhir/NamingSystem/provider-user/" + PROVIDER);
        assertThat(resource.path("identifier").findValuesAsText("value"))
                .as("Garmin's user id, read with the new token")
                .contains(garmin.userIdOf(token));
        assertThat(resource.toString())
                .doesNotContain(token)
                .doesNotContain(secret)
                .doesNotContain(verifier);
    }

    @Then("Garmin checked every signed request of the gateway and was asked for token credentials once")
    public void signaturesChecked() {
        assertThat(garmin.signaturesRejected()).isEqualTo(rejectedBefore);
        assertThat(garmin.calls(Oauth1ProviderSimulator.TOKEN) - tokenCallsBefore)
                .isEqualTo(1);
    }

    @Then("Garmin was not asked for token credentials")
    public void notAsked() {
        assertThat(garmin.calls(Oauth1ProviderSimulator.TOKEN) - tokenCallsBefore)
                .isZero();
    }

    @When("she opens the same return link from Garmin again")
    public void opensAgain() {
        journey.answer = gateway.browse(journey.returnLink);
    }

    @When("she then comes back with the verifier")
    public void comesBackWithVerifier() {
        journey.answer = gateway.browse(journey.returnLink);
    }

    @When("a return arrives from Garmin with a token it never issued")
    public void unknownToken() {
        tokenCallsBefore = garmin.calls(Oauth1ProviderSimulator.TOKEN);
        journey.answer = gateway.callback(
                "/v1/wearables/" + PROVIDER + "/callback", "oauth_token=never-issued-token&oauth_verifier=guessed");
    }

    @Given("Garmin does not confirm the gateway's callback address")
    public void unconfirmedCallback() {
        garmin.confirmCallbackAs(null);
    }

    @When("Amara's care team starts connecting her Garmin through the legacy flow")
    public void startsAnyway() {
        journey.answer = gateway.connect(
                Settings.apiKeyOf(journey.project), PROVIDER, "{\"patientId\":\"" + journey.patientId + "\"}");
    }

    @Then("no authorization link is handed out")
    public void noLink() {
        assertThat(journey.answer.body()).doesNotContain("authorizationUrl").doesNotContain("oauth_token");
    }

    /** The day the build's servers are configured with (the pom's {@code it.garmin-legacy.retires-on}). */
    @Then("the gateway warned at start on which day Garmin retires the legacy flow")
    public void warnedAtStart() {
        String day = Settings.get("garmin-legacy.retires-on");
        for (Path logs : Settings.gatewayLogDirectories()) {
            Path messages = logs.resolve("messages.log");
            try (Stream<String> lines = Files.lines(messages)) {
                assertThat(lines.filter(line -> line.contains("garmin-legacy") && line.contains(day)))
                        .as(messages.toString())
                        .isNotEmpty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
