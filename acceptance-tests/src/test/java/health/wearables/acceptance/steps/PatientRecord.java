package health.wearables.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A patient's record as a care team reads it through the gateway's FHIR API, with its project's API key. */
final class PatientRecord {
    private final Gateway gateway;
    private final String apiKey;
    private final String patientId;

    PatientRecord(Gateway gateway, String project, String patientId) {
        this.gateway = gateway;
        this.apiKey = Settings.apiKeyOf(project);
        this.patientId = patientId;
    }

    /** Every Observation of the patient, all pages of the search. */
    List<JsonNode> observations() {
        return search("Observation?patient=" + Gateway.encode(patientId) + "&_count=200");
    }

    /** Every Device of the patient. */
    List<JsonNode> devices() {
        return search("Device?patient=" + Gateway.encode(patientId) + "&_count=200");
    }

    /** The Observations with a LOINC code. */
    List<JsonNode> observationsCoded(String loinc) {
        return observations().stream()
                .filter(o -> loinc(o).equals(Optional.of(loinc)))
                .toList();
    }

    static Optional<String> loinc(JsonNode observation) {
        for (JsonNode coding : observation.at("/code/coding")) {
            if ("http://loinc.org".equals(coding.path("system").asText())) {
                return Optional.of(coding.path("code").asText());
            }
        }
        return Optional.empty();
    }

    /** The LOINC code, or else the gateway's own code (a kind LOINC has no code for). */
    static String code(JsonNode observation) {
        return loinc(observation).orElseGet(() -> {
            for (JsonNode coding : observation.at("/code/coding")) {
                if ("https://wearables.health/fhir/CodeSystem/data-type"
                        .equals(coding.path("system").asText())) {
                    return coding.path("code").asText();
                }
            }
            return "none";
        });
    }

    /** When it was: its instant, or the start of its span. */
    static java.time.Instant effective(JsonNode observation) {
        String at = observation.has("effectiveDateTime")
                ? observation.path("effectiveDateTime").asText()
                : observation.at("/effectivePeriod/start").asText();
        return java.time.OffsetDateTime.parse(at).toInstant();
    }

    /** When it ended: its instant, or the end of its span. */
    static java.time.Instant ended(JsonNode observation) {
        String at = observation.has("effectiveDateTime")
                ? observation.path("effectiveDateTime").asText()
                : observation.at("/effectivePeriod/end").asText();
        return java.time.OffsetDateTime.parse(at).toInstant();
    }

    static String identifier(JsonNode observation) {
        return observation.at("/identifier/0/value").asText();
    }

    private List<JsonNode> search(String query) {
        List<JsonNode> resources = new ArrayList<>();
        HttpResponse<String> page = gateway.fhir(apiKey, query);
        while (page != null) {
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonNode bundle = Json.parse(page.body());
            bundle.path("entry").forEach(entry -> resources.add(entry.path("resource")));
            page = null;
            for (JsonNode link : bundle.path("link")) {
                if ("next".equals(link.path("relation").asText())) {
                    page = gateway.fhirPage(apiKey, URI.create(link.path("url").asText()));
                }
            }
        }
        return resources;
    }
}
