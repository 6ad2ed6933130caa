package health.wearables.adapters.rest.app.config.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.wearables.adapters.rest.app.config.demo.DailySeries.Reading;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GatewayFhirSearchTest {

    @Test
    void the_search_is_the_fhir_route_by_patient_code_and_date() {
        assertThat(GatewayFhirSearch.query("demo-patient", "41950-7", LocalDate.parse("2026-11-02")))
                .isEqualTo("fhir/Observation?patient=Patient%2Fdemo-patient&code=http%3A%2F%2Floinc.org%7C41950-7"
                        + "&date=ge2026-11-02&_sort=date&_count=200");
    }

    @Test
    void a_bundle_gives_the_quantity_and_time_of_each_observation() {
        String bundle = """
                {"resourceType": "Bundle", "type": "searchset", "total": 3, "entry": [
                  {"resource": {"resourceType": "Observation", "valueQuantity": {"value": 8123, "unit": "{steps}"},
                    "effectivePeriod": {"start": "2026-11-02T00:00:00+00:00", "end": "2026-11-03T00:00:00Z"}}},
                  {"resource": {"resourceType": "Observation", "valueQuantity": {"value": 57.0},
                    "effectiveDateTime": "2026-11-03T06:41:00Z"}},
                  {"resource": {"resourceType": "Observation", "valueString": "no quantity",
                    "effectiveDateTime": "2026-11-03T06:41:00Z"}},
                  {"resource": {"resourceType": "Observation", "valueQuantity": {"value": 1},
                    "effectiveDateTime": "2026-11-03"}}
                ]}
                """;
        assertThat(GatewayFhirSearch.readings(bundle))
                .containsExactly(
                        new Reading(Instant.parse("2026-11-02T00:00:00Z"), Instant.parse("2026-11-03T00:00:00Z"), 8123),
                        new Reading(Instant.parse("2026-11-03T06:41:00Z"), Instant.parse("2026-11-03T06:41:00Z"), 57));
        assertThat(GatewayFhirSearch.readings("{\"resourceType\": \"Bundle\"}")).isEmpty();
    }

    @Test
    void anything_but_a_bundle_fails_the_search() {
        assertThatThrownBy(() -> GatewayFhirSearch.readings("<html>")).isInstanceOf(ObservationSearch.Failed.class);
        assertThatThrownBy(() -> GatewayFhirSearch.readings("{\"resourceType\": \"OperationOutcome\"}"))
                .isInstanceOf(ObservationSearch.Failed.class)
                .hasMessage("The gateway's FHIR search (/fhir/Observation) did not answer a Bundle.");
    }
}
