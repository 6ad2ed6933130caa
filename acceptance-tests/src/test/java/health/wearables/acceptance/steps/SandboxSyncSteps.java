package health.wearables.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import java.util.List;

/** What a platform sees of a Sandbox account's first data sync: her data in her record, and the sync reported done. */
public class SandboxSyncSteps {
    private final PatientJourney journey;
    private final Gateway gateway;

    public SandboxSyncSteps(PatientJourney journey, Gateway gateway) {
        this.journey = journey;
        this.gateway = gateway;
    }

    @Then("her first data sync soon brings her Sandbox data into her record")
    public void firstSyncBringsData() {
        PatientRecord record = new PatientRecord(gateway, journey.project, journey.patientId);
        List<JsonNode> observations = Poll.until(
                "her record holds the " + SandboxData.OBSERVATIONS + " Observations of her Sandbox account",
                record::observations,
                found -> found.size() >= SandboxData.OBSERVATIONS);
        assertThat(observations).as("her Observations, each written once").hasSize(SandboxData.OBSERVATIONS);
        assertThat(observations.stream().map(PatientRecord::loinc).map(code -> code.orElse("none")))
                .as("LOINC codes")
                .containsOnly("41950-7", "40443-4");
        assertThat(observations)
                .allSatisfy(observation -> assertThat(
                                observation.at("/subject/reference").asText())
                        .isEqualTo("Patient/" + journey.patientId));
        JsonNode connection = Poll.until(
                "her Sandbox connection is listed as synced",
                () -> RecordSteps.onlyConnection(gateway, journey),
                listed -> "ok".equals(listed.path("syncStatus").asText()));
        assertThat(connection.path("lastSyncedAt").asText())
                .as(connection.toString())
                .isNotBlank();
    }
}
