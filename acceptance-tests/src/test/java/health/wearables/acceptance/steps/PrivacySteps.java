package health.wearables.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Who may see a connection, and where credentials must never be found. */
public class PrivacySteps {
    private final PatientJourney journey;
    private final Gateway gateway;

    public PrivacySteps(PatientJourney journey, Gateway gateway) {
        this.journey = journey;
        this.gateway = gateway;
    }

    @When("the Acme care team lists Amara's connections")
    public void acmeLists() {
        journey.answer = gateway.connections(Settings.apiKeyOf("acme"), journey.patientId);
    }

    @Then("they see her Sandbox connection, without any credential")
    public void seesConnection() {
        assertThat(journey.answer.statusCode()).isEqualTo(200);
        JsonNode list = Json.parse(journey.answer.body());
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("provider").asText()).isEqualTo("sandbox");
        journey.endpointId = list.get(0).get("endpointId").asText();
        PatientJourney.IssuedTokens tokens = journey.openedTokens();
        assertThat(journey.answer.body()).doesNotContain(tokens.accessToken()).doesNotContain(tokens.refreshToken());
    }

    @When("the Globex project lists Amara's connections")
    public void globexLists() {
        journey.endpointId =
                RecordSteps.onlyConnection(gateway, journey).get("endpointId").asText();
        journey.answer = gateway.connections(Settings.apiKeyOf("globex"), journey.patientId);
    }

    @Then("Globex sees no connection")
    public void globexSeesNothing() {
        assertThat(journey.answer.statusCode()).isEqualTo(200);
        assertThat(Json.parse(journey.answer.body()).size()).isZero();
    }

    @Then("Globex cannot read Amara's Sandbox record")
    public void globexCannotRead() {
        HttpResponse<String> read = gateway.fhir(Settings.apiKeyOf("globex"), "Endpoint/" + journey.endpointId);
        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(read.body()).doesNotContain(journey.patientId);
        HttpResponse<String> search = gateway.fhir(
                Settings.apiKeyOf("globex"),
                "Endpoint?identifier="
                        + Gateway.encode("https://wearables.health/fhir/NamingSystem/connection|acme/"
                                + journey.patientId + "/sandbox"));
        assertThat(search.statusCode()).isEqualTo(200);
        JsonNode bundle = Json.parse(search.body());
        assertThat(bundle.path("total").asInt()).isZero();
        assertThat(bundle.has("entry")).isFalse();
        HttpResponse<String> ownSearch = gateway.fhir(
                Settings.apiKeyOf("acme"),
                "Endpoint?identifier="
                        + Gateway.encode("https://wearables.health/fhir/NamingSystem/connection|acme/"
                                + journey.patientId + "/sandbox"));
        assertThat(Json.parse(ownSearch.body()).path("total").asInt())
                .as("the owner finds it with the same search")
                .isEqualTo(1);
        HttpResponse<String> own = gateway.fhir(Settings.apiKeyOf("acme"), "Endpoint/" + journey.endpointId);
        assertThat(own.statusCode())
                .as("the owner can read it, so the 404 above is about the project")
                .isEqualTo(200);
        assertThat(own.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Then("Sandbox's credentials for Amara appear nowhere in the FHIR store's database")
    public void notInDatabase() throws SQLException {
        PatientJourney.IssuedTokens tokens = journey.openedTokens();
        try (Connection db =
                DriverManager.getConnection(Settings.get("fhir.jdbc-url"), Settings.get("fhir.jdbc-user"), "")) {
            assertThat(tablesContaining(db, journey.patientId))
                    .as("the search reads the stored resources: the patient's connection is found in them")
                    .isNotEmpty();
            assertThat(tablesContaining(db, tokens.accessToken())).isEmpty();
            assertThat(tablesContaining(db, tokens.refreshToken())).isEmpty();
        }
    }

    /** Every row of every table of the database, as text, searched for the needle. */
    private static List<String> tablesContaining(Connection db, String needle) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = db.createStatement();
                ResultSet names = statement.executeQuery(
                        "select table_schema, table_name from information_schema.tables "
                                + "where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')")) {
            while (names.next()) {
                tables.add("\"" + names.getString(1) + "\".\"" + names.getString(2) + "\"");
            }
        }
        List<String> containing = new ArrayList<>();
        for (String table : tables) {
            try (Statement statement = db.createStatement();
                    ResultSet found = statement.executeQuery("select 1 from " + table + " t where strpos(t::text, '"
                            + needle.replace("'", "''") + "') > 0 limit 1")) {
                if (found.next()) {
                    containing.add(table);
                }
            }
        }
        return containing;
    }

    @Then("neither they nor her authorization code and link appear in the gateway's log files")
    public void notInLogs() throws IOException {
        PatientJourney.IssuedTokens tokens = journey.openedTokens();
        List<Path> logs = new ArrayList<>();
        for (Path directory : Settings.gatewayLogDirectories()) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.filter(Files::isRegularFile).forEach(logs::add);
            }
        }
        assertThat(logs).as("the gateway's log files").isNotEmpty();
        String all = logs.stream().map(PrivacySteps::read).reduce("", String::concat);
        assertThat(all).as("the logs record the gateway's work").contains("connected: project=acme");
        assertThat(all)
                .doesNotContain(tokens.accessToken())
                .doesNotContain(tokens.refreshToken())
                .doesNotContain(journey.code)
                .doesNotContain(journey.state);
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
