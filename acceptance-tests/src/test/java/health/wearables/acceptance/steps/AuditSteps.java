package health.wearables.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * The audit trail as a care team reads it through {@code /fhir}, and as an operator finds it in the database. The
 * events are validated by HAPI's instance validator against R4 core (offline: R4's own profiles and value sets); the
 * API key's id is computed here from the key as the contract defines it (the first 12 hex digits of its SHA-256).
 */
public class AuditSteps {
    private static final String ACTIONS = "https://wearables.health/fhir/CodeSystem/audit-action";
    private static FhirValidator validator;

    private final PatientJourney journey;
    private final Gateway gateway;
    private String unknownKey;
    private HttpResponse<String> refused;

    public AuditSteps(PatientJourney journey, Gateway gateway) {
        this.journey = journey;
        this.gateway = gateway;
    }

    @Then("Acme's audit trail for Amara shows {string}, {string} and {string} in that order")
    public void trailShows(String first, String second, String third) {
        List<JsonNode> events = Poll.until(
                "Acme's audit trail for " + journey.patientId + " shows " + first + ", " + second + ", " + third,
                () -> auditEventsOfHer(journey.project),
                found -> found.size() >= 3);
        assertThat(events).extracting(AuditSteps::action).containsExactly(first, second, third);
        for (JsonNode event : events) {
            assertThat(event.at("/meta/tag").findValuesAsText("code")).contains(journey.project);
            assertThat(event.path("outcome").asText()).isEqualTo("0");
            assertThat(event.path("recorded").asText()).isNotBlank();
            assertThat(event.findValuesAsText("reference")).contains("Patient/" + journey.patientId);
        }
        assertThat(events.get(2).findValuesAsText("reference")).contains("Endpoint/" + journey.endpointId);
        assertThat(events.get(2).path("outcomeDesc").asText())
                .as("what the revocation at Sandbox came to")
                .isIn("revoked", "not_offered");
    }

    @Then("the connect and the disconnect were made by Acme, named by the id of its API key and never by the key")
    public void madeByAcme() {
        String keyId = keyIdOf(Settings.apiKeyOf(journey.project));
        for (JsonNode event : auditEventsOfHer(journey.project)) {
            String action = action(event);
            JsonNode requestor = requestor(event);
            if (action.equals("callback-completed")) {
                assertThat(requestor.at("/who/display").asText())
                        .as("her browser brought the callback: the gateway acted")
                        .isEqualTo("wearables-gateway");
                continue;
            }
            assertThat(requestor.at("/who/identifier/value").asText())
                    .as(action)
                    .isEqualTo(journey.project);
            assertThat(requestor.path("altId").asText()).as(action).isEqualTo(keyId);
        }
    }

    @Then("each of her audit events is valid FHIR R4 and holds none of her secrets")
    public void validAndClean() {
        List<String> secrets = new ArrayList<>(List.of(Settings.apiKeyOf(journey.project), journey.state));
        PatientJourney.IssuedTokens tokens = journey.openedTokens();
        secrets.addAll(List.of(tokens.accessToken(), tokens.refreshToken()));
        for (JsonNode event : auditEventsOfHer(journey.project)) {
            String text = event.toString();
            for (String secret : secrets) {
                assertThat(text).as(action(event)).doesNotContain(secret);
            }
            List<String> errors = new ArrayList<>();
            for (SingleValidationMessage message :
                    validator().validateWithResult(text).getMessages()) {
                if (message.getSeverity() == ResultSeverityEnum.ERROR
                        || message.getSeverity() == ResultSeverityEnum.FATAL) {
                    errors.add(message.getLocationString() + ": " + message.getMessage());
                }
            }
            assertThat(errors).as("validation errors of " + action(event)).isEmpty();
        }
    }

    @Then("the Globex care team finds none of her audit events, by search or by id")
    public void globexFindsNone() {
        List<JsonNode> own = auditEventsOfHer(journey.project);
        assertThat(own).isNotEmpty();
        assertThat(auditEventsOfHer("globex")).isEmpty();
        for (JsonNode event : own) {
            HttpResponse<String> read = gateway.fhir(
                    Settings.apiKeyOf("globex"),
                    "AuditEvent/" + event.path("id").asText());
            assertThat(read.statusCode()).isEqualTo(404);
            assertThat(read.body()).doesNotContain(journey.patientId);
        }
    }

    @When("someone asks the gateway's FHIR API for audit events with a key that matches no project")
    public void askWithUnknownKey() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        unknownKey = "wk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        refused = gateway.fhir(unknownKey, "AuditEvent?subtype=" + Gateway.encode(ACTIONS + "|api-key-refused"));
    }

    @Then("they are refused as unauthenticated")
    public void refusedUnauthenticated() {
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
        assertThat(refused.body()).doesNotContain(unknownKey);
    }

    @Then("the refusal is written down in the FHIR store's database, naming the key by its id only")
    public void refusalInDatabase() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("key id", keyIdOf(unknownKey));
        texts.put("key", unknownKey);
        Map<String, Set<String>> found = Poll.until(
                "the refusal of key id " + keyIdOf(unknownKey) + " in the database",
                () -> scan(texts),
                places -> !places.getOrDefault("key id", Set.of()).isEmpty());
        assertThat(found.getOrDefault("key", Set.of()))
                .as("where the key itself is")
                .isEmpty();
    }

    @Then("no care team finds that refusal in its audit trail")
    public void noProjectSeesIt() {
        for (String project : Settings.projects()) {
            HttpResponse<String> search = gateway.fhir(
                    Settings.apiKeyOf(project),
                    "AuditEvent?subtype=" + Gateway.encode(ACTIONS + "|api-key-refused") + "&_count=200");
            assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
            assertThat(search.body()).as(project).doesNotContain(keyIdOf(unknownKey));
        }
    }

    private List<JsonNode> auditEventsOfHer(String project) {
        HttpResponse<String> page = gateway.fhir(
                Settings.apiKeyOf(project),
                "AuditEvent?patient=" + Gateway.encode(journey.patientId) + "&_sort=date&_count=200");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        for (JsonNode entry : Json.parse(page.body()).path("entry")) {
            events.add(entry.path("resource"));
        }
        return events;
    }

    private static String action(JsonNode event) {
        for (JsonNode coding : event.path("subtype")) {
            if (ACTIONS.equals(coding.path("system").asText())) {
                return coding.path("code").asText();
            }
        }
        return "none";
    }

    private static JsonNode requestor(JsonNode event) {
        for (JsonNode agent : event.path("agent")) {
            if (agent.path("requestor").asBoolean()) {
                return agent;
            }
        }
        throw new AssertionError("no requestor among the agents of " + event);
    }

    private static String keyIdOf(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Set<String>> scan(Map<String, String> texts) {
        try {
            return DatabaseScan.places(texts);
        } catch (SQLException e) {
            throw new AssertionError("the database scan failed", e);
        }
    }

    private static synchronized FhirValidator validator() {
        if (validator == null) {
            FhirContext context = FhirContext.forR4Cached();
            ValidationSupportChain support = new ValidationSupportChain(
                    new DefaultProfileValidationSupport(context),
                    new InMemoryTerminologyServerValidationSupport(context),
                    new CommonCodeSystemsTerminologyService(context),
                    new SnapshotGeneratingValidationSupport(context));
            validator = context.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
        }
        return validator;
    }
}
