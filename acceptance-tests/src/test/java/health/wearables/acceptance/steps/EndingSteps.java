package health.wearables.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import health.wearables.adapters.rest.out.provider.data.simulator.DataSimulator;
import health.wearables.adapters.rest.out.provider.data.simulator.WhoopSimulator;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A care team ends a patient's connection (disconnect, with or without her data), and what is left of it: at the
 * vendor (the grant revoked, once, asked again when the vendor failed), in the listing, and in the database.
 */
public class EndingSteps {
    private static final String SEALED_TOKEN = "https://wearables.health/fhir/StructureDefinition/sealed-token";
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final PatientJourney journey;
    private final SyncJourney sync;
    private final Gateway gateway;
    private final SyncSteps syncSteps;
    private final ConnectingSteps connecting;

    /** The ciphertexts (base64, as the Endpoint holds them) of every version of her connection the test saw. */
    private final Map<String, String> ciphertexts = new LinkedHashMap<>();

    private HttpResponse<String> disconnected;
    private Duration disconnectTook;

    /** Another patient of the same care team, with an account of his own at the same vendor. */
    private String otherPatient;

    private Vendors.Account otherAccount;
    private int othersObservations;

    public EndingSteps(
            PatientJourney journey,
            SyncJourney sync,
            Gateway gateway,
            SyncSteps syncSteps,
            ConnectingSteps connecting) {
        this.journey = journey;
        this.sync = sync;
        this.gateway = gateway;
        this.syncSteps = syncSteps;
        this.connecting = connecting;
    }

    @After
    public void closeTheOtherAccount() {
        if (otherAccount != null) {
            otherAccount.data.close();
        }
    }

    // Disconnecting

    @When("her care team disconnects her {wearable}")
    @When("her care team disconnects her {wearable} again")
    public void disconnects(String slug) {
        disconnect(slug, false);
    }

    @When("her care team disconnects her {wearable}, deleting the data it brought")
    public void disconnectsAndPurges(String slug) {
        disconnect(slug, true);
    }

    private void disconnect(String slug, boolean purge) {
        long started = System.nanoTime();
        disconnected = gateway.request(
                "DELETE",
                "/v1/wearables/" + slug + "/connections/" + Gateway.encode(journey.patientId)
                        + (purge ? "?purge=true" : ""),
                null,
                null,
                Settings.apiKeyOf(journey.project));
        disconnectTook = Duration.ofNanos(System.nanoTime() - started);
        journey.answer = disconnected;
    }

    @Then("the gateway confirms the disconnection")
    public void confirmed() {
        assertThat(disconnected.statusCode()).as(disconnected.body()).isEqualTo(204);
        assertThat(disconnected.body()).isEmpty();
    }

    @Then("the gateway confirms the disconnection at once")
    public void confirmedAtOnce() {
        confirmed();
        assertThat(disconnectTook)
                .as("the disconnect does not wait for the vendor's failing revocation")
                .isLessThan(Settings.tokenEndpointDeadline());
    }

    @Then("her {wearable} connection is listed as revoked")
    @Then("her {wearable} connection is soon listed as revoked")
    public void listedAsRevoked(String slug) {
        JsonNode listed = Poll.until(
                "her " + slug + " connection is listed as revoked",
                () -> syncSteps.connection(slug),
                connection -> "revoked".equals(connection.path("status").asText()),
                Duration.ofSeconds(10));
        assertThat(listed.path("provider").asText()).isEqualTo(slug);
    }

    // The revocation at WHOOP

    @Given("WHOOP's revocation endpoint fails for a while")
    public void whoopRevocationFails() {
        sync.account("whoop").data.failNextRevocations(1);
    }

    @Then("WHOOP was asked once to revoke her access, with her access token")
    public void whoopAskedOnce() {
        Vendors.Account account = sync.account("whoop");
        List<DataSimulator.Request> revocations = Poll.until(
                "WHOOP received her revocation",
                () -> revocationsAtWhoop(account),
                received -> !received.isEmpty(),
                Duration.ofSeconds(10));
        assertThat(revocations).as("revocation requests at WHOOP").hasSize(1);
        assertThat(revocations.get(0).bearer()).contains(account.latestAccessToken);
        assertThat(account.data.revokedTokens()).containsExactly(account.latestAccessToken);
    }

    @Then("WHOOP soon revokes her access, asked again by the gateway after it failed")
    public void whoopRevokesLater() {
        Vendors.Account account = sync.account("whoop");
        Poll.until(
                "WHOOP revoked her access token, on the gateway's second request",
                () -> account.data.revokedTokens(),
                revoked -> revoked.contains(account.latestAccessToken),
                Duration.ofSeconds(60));
        List<DataSimulator.Request> revocations = revocationsAtWhoop(account);
        assertThat(revocations)
                .as("revocation requests at WHOOP: the failed one, then one more")
                .hasSize(2);
        assertThat(revocations)
                .allSatisfy(request -> assertThat(request.bearer()).contains(account.latestAccessToken));
        assertThat(Duration.between(
                        revocations.get(0).receivedAt(), revocations.get(1).receivedAt()))
                .as("the second request waited for the gateway's backoff")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(25));
    }

    private static List<DataSimulator.Request> revocationsAtWhoop(Vendors.Account account) {
        return account.data.requests(WhoopSimulator.ACCESS).stream()
                .filter(request -> request.method().equals("DELETE"))
                .toList();
    }

    @Then("her access token no longer works at {vendor}")
    public void tokenNoLongerWorks(String slug) throws Exception {
        Vendors.Account account = sync.account(slug);
        String path = switch (slug) {
            case "whoop" -> "/whoop/developer/v2/user/profile/basic";
            case "oura" -> "/oura/v2/usercollection/personal_info";
            default -> throw new IllegalArgumentException(slug);
        };
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Settings.get("vendor-data.port") + path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + account.latestAccessToken)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode())
                .as("her access token at " + slug + "'s data API")
                .isEqualTo(401);
    }

    // What her connection's Endpoint holds, version after version

    @Given("the gateway keeps her first tokens sealed in her {wearable} connection")
    public void keepsFirstTokens(String slug) {
        Vendors.Account account = sync.account(slug);
        SealedCredentials.Opened opened = SealedCredentials.openWhatIsThere(endpoint(slug));
        assertThat(opened.accessToken())
                .as("the Endpoint holds the access token of the code exchange (no refresh yet)")
                .isEqualTo(account.issuedAccessTokens.get(0));
        rememberCiphertexts(endpoint(slug));
    }

    @Given("the gateway soon keeps her refreshed tokens sealed in her {wearable} connection")
    public void keepsRefreshedTokens(String slug) {
        Vendors.Account account = sync.account(slug);
        JsonNode refreshed = Poll.until(
                "her " + slug + " connection holds the refreshed access token",
                () -> endpoint(slug),
                endpoint -> account.issuedAccessTokens.size() == 2
                        && SealedCredentials.openWhatIsThere(endpoint)
                                .accessToken()
                                .equals(account.issuedAccessTokens.get(1)),
                Duration.ofSeconds(30));
        rememberCiphertexts(refreshed);
        assertThat(ciphertexts)
                .as("sealed tokens of two versions of her connection: the first, and the refreshed")
                .hasSize(4);
    }

    private JsonNode endpoint(String slug) {
        String id = syncSteps.connection(slug).path("endpointId").asText();
        HttpResponse<String> read = gateway.fhir(Settings.apiKeyOf(journey.project), "Endpoint/" + id);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return Json.parse(read.body());
    }

    private void rememberCiphertexts(JsonNode endpoint) {
        String version = endpoint.at("/meta/versionId").asText();
        for (JsonNode extension : endpoint.path("extension")) {
            if (!SEALED_TOKEN.equals(extension.path("url").asText())) {
                continue;
            }
            String kind = "";
            String ciphertext = "";
            for (JsonNode part : extension.path("extension")) {
                switch (part.path("url").asText()) {
                    case "kind" -> kind = part.path("valueCode").asText();
                    case "ciphertext" ->
                        ciphertext = part.path("valueBase64Binary").asText();
                    default -> {}
                }
            }
            assertThat(ciphertext).as("a sealed " + kind + " token").isNotBlank();
            if (!ciphertexts.containsValue(ciphertext)) {
                ciphertexts.put(kind + " token ciphertext of version " + version, ciphertext);
            }
        }
    }

    @Then(
            "no row of the gateway's database holds any of her tokens, sealed or in plain text, of any version of her {wearable} connection")
    public void noTokenInAnyRow(String slug) throws SQLException {
        Vendors.Account account = sync.account(slug);
        Map<String, String> searched = new LinkedHashMap<>();
        ciphertexts.forEach((name, base64) -> {
            searched.put(name, base64);
            // the same ciphertext as raw bytes, as a binary column would hold it
            searched.put(
                    name + " (bytes)", new String(Base64.getDecoder().decode(base64), StandardCharsets.ISO_8859_1));
        });
        for (int each = 0; each < account.issuedAccessTokens.size(); each++) {
            searched.put("access token " + (each + 1), account.issuedAccessTokens.get(each));
        }
        List<String> refreshTokens = new ArrayList<>(account.unusedRefreshTokens);
        refreshTokens.addAll(account.refreshTokensPresented);
        for (int each = 0; each < refreshTokens.size(); each++) {
            searched.put("refresh token " + (each + 1), refreshTokens.get(each));
        }
        assertThat(ciphertexts).as("ciphertexts the test saw").hasSize(4);
        assertThat(refreshTokens).as("refresh tokens WHOOP issued her").hasSize(2);
        // a control the scan must find, or it did not read where the Endpoint is
        String connection = journey.project + "/" + journey.patientId + "/" + slug;
        searched.put("control: the connection's identifier", connection);

        Map<String, Set<String>> found = DatabaseScan.places(searched);

        assertThat(found)
                .as("where the scan met her connection (the control)")
                .containsKey("control: the connection's identifier");
        found.remove("control: the connection's identifier");
        assertThat(found)
                .as("her tokens, sealed or plain, in the rows of the database (hostile case 62)")
                .isEmpty();
    }

    // Purge

    @Given(
            "Bongani, another patient of the Acme care team, has connected his {wearable}, and his data is in his record")
    public void anotherPatientConnected(String slug) {
        otherPatient = "bongani-" + UUID.randomUUID().toString().substring(0, 8);
        DataSimulator data = VendorData.simulatorOf(slug);
        otherAccount = new Vendors.Account(slug, data);
        SyncSteps.withHerUserId(otherAccount, data);
        Map<String, Integer> expected = WornData.seed(slug, data, java.time.Instant.now(), 3);
        othersObservations =
                expected.values().stream().mapToInt(Integer::intValue).sum();
        Vendors.Account hers = sync.accounts.get(slug);
        Vendors.approving(otherAccount);
        try {
            connecting.start(Settings.gatewayBaseUrl(), slug, "{\"patientId\":\"" + otherPatient + "\"}");
            HttpResponse<String> back = gateway.browse(connecting.approveAtVendor());
            assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        } finally {
            Vendors.approving(hers);
        }
        Poll.until(
                "Bongani's record holds his " + othersObservations + " Observations",
                () -> new PatientRecord(gateway, journey.project, otherPatient).observations(),
                found -> found.size() >= othersObservations,
                Duration.ofSeconds(60));
    }

    @Then("her record holds no Observation and no Device of her {wearable}")
    public void nothingLeft(String slug) {
        PatientRecord record = new PatientRecord(gateway, journey.project, journey.patientId);
        assertThat(record.observations()).as("her Observations").isEmpty();
        assertThat(record.devices()).as("her Devices").isEmpty();
        assertThat(syncSteps.connection(slug).path("status").asText()).isEqualTo("revoked");
    }

    @Then("Bongani's record still holds his {wearable} data")
    public void othersDataRemains(String slug) {
        PatientRecord record = new PatientRecord(gateway, journey.project, otherPatient);
        assertThat(record.observations()).as("Bongani's Observations").hasSize(othersObservations);
        assertThat(record.devices()).as("Bongani's Devices").hasSize(1);
    }

    // Retirement

    @Then("the error names {string} as the successor")
    public void namesSuccessor(String successor) {
        JsonNode error = Json.parse(journey.answer.body()).path("error");
        assertThat(error.path("successor").asText()).as(journey.answer.body()).isEqualTo(successor);
        assertThat(error.path("message").asText()).contains("'" + successor + "'");
    }
}
