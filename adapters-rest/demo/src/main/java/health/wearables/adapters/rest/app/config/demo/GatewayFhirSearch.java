package health.wearables.adapters.rest.app.config.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.wearables.adapters.rest.app.config.demo.DailySeries.Reading;
import health.wearables.domain.ApiKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The dashboard's charts come from the gateway's own FHIR search, the route every client of the gateway uses:
 * {@code GET /fhir/Observation?patient=…&code=http://loinc.org|…&date=ge…&_sort=date&_count=200} at the gateway's
 * base URL, with the demo project's API key (so the search is scoped to the demo project as any other client's is).
 * The key goes from the server to itself and is never shown, logged or sent to a browser.
 */
@ApplicationScoped
public class GatewayFhirSearch implements ObservationSearch {
    /** More than the Observations of one code in the window (one a day): one page is the whole answer. */
    static final int COUNT = 200;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final URI gateway;

    /** For the CDI client proxy only. */
    protected GatewayFhirSearch() {
        this("http://localhost:9080");
    }

    @Inject
    public GatewayFhirSearch(
            @ConfigProperty(name = "wearables.public-base-url", defaultValue = "http://localhost:9080")
                    String gatewayBaseUrl) {
        this.gateway = URI.create(gatewayBaseUrl.replaceAll("/+$", "") + "/");
    }

    @Override
    public List<Reading> search(ApiKey apiKey, String patientId, String loincCode, LocalDate since) {
        URI uri = gateway.resolve(query(patientId, loincCode, since));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/fhir+json")
                .header("Authorization", "Bearer " + apiKey.value())
                .GET()
                .build();
        HttpResponse<String> answer;
        try {
            answer = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Failed("The gateway's FHIR search (/fhir/Observation) could not be reached.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("The gateway's FHIR search (/fhir/Observation) was interrupted.");
        }
        if (answer.statusCode() != 200) {
            throw new Failed("The gateway's FHIR search (/fhir/Observation) answered " + answer.statusCode() + ".");
        }
        return readings(answer.body());
    }

    /** The search's path and query, relative to the gateway's base URL. */
    static String query(String patientId, String loincCode, LocalDate since) {
        return "fhir/Observation?patient=" + encode("Patient/" + patientId)
                + "&code=" + encode("http://loinc.org|" + loincCode)
                + "&date=" + encode("ge" + since)
                + "&_sort=date&_count=" + COUNT;
    }

    /** The Observations of a search's bundle that have a quantity and a time, in the bundle's order. */
    static List<Reading> readings(String bundle) {
        JsonNode root;
        try {
            root = JSON.readTree(bundle);
        } catch (IOException e) {
            throw new Failed("The gateway's FHIR search (/fhir/Observation) did not answer JSON.");
        }
        if (root == null || !"Bundle".equals(root.path("resourceType").asText())) {
            throw new Failed("The gateway's FHIR search (/fhir/Observation) did not answer a Bundle.");
        }
        List<Reading> readings = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            JsonNode observation = entry.path("resource");
            JsonNode value = observation.path("valueQuantity").path("value");
            if (!"Observation".equals(observation.path("resourceType").asText()) || !value.isNumber()) {
                continue;
            }
            try {
                if (observation.hasNonNull("effectiveDateTime")) {
                    Instant at = instant(observation.path("effectiveDateTime").asText());
                    readings.add(new Reading(at, at, value.asDouble()));
                } else if (observation.path("effectivePeriod").hasNonNull("start")) {
                    JsonNode period = observation.path("effectivePeriod");
                    Instant start = instant(period.path("start").asText());
                    Instant end = period.hasNonNull("end")
                            ? instant(period.path("end").asText())
                            : start;
                    readings.add(new Reading(start, end, value.asDouble()));
                }
            } catch (DateTimeParseException e) {
                // a time without a zone or a date only: not one of the sync's, not drawn
            }
        }
        return List.copyOf(readings);
    }

    private static Instant instant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
