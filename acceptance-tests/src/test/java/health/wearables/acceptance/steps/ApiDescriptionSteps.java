package health.wearables.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The gateway's OpenAPI document ({@code /openapi}) as integrators read it: with swagger-parser, with Redocly's linter,
 * and with this class's own reading of what a client generator needs. Nothing here uses the gateway's code.
 */
public class ApiDescriptionSteps {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");
    private static final String JSON = "application/json";
    private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final Gateway gateway;
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private String text;
    private JsonNode document;
    private HttpResponse<String> browser;

    public ApiDescriptionSteps(Gateway gateway) {
        this.gateway = gateway;
    }

    @When("a developer fetches the gateway's OpenAPI document")
    public void fetchDocument() {
        HttpResponse<String> answer = gateway.request("GET", "/openapi", null, null, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        text = answer.body();
        try {
            document = yaml.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("/openapi is not YAML", e);
        }
        assertThat(document.path("openapi").asText()).startsWith("3.");
        HttpResponse<String> json = gateway.request("GET", "/openapi?format=JSON", null, null, null);
        assertThat(json.statusCode()).isEqualTo(200);
        JsonNode asJson = Json.parse(json.body());
        assertThat(asJson.path("paths").propertyStream().map(Map.Entry::getKey))
                .as("the JSON form has the same paths")
                .containsExactlyInAnyOrderElementsOf(document.path("paths")
                        .propertyStream()
                        .map(Map.Entry::getKey)
                        .toList());
        System.out.printf(
                "OpenAPI document: %d bytes as YAML, %d as JSON, %d paths, %d operations%n",
                text.getBytes(StandardCharsets.UTF_8).length,
                json.body().getBytes(StandardCharsets.UTF_8).length,
                document.path("paths").size(),
                operations().size());
    }

    @Then("swagger-parser reads it without a single message")
    public void swaggerParser() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
        List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
        System.out.printf("swagger-parser: %d messages%n", messages.size());
        assertThat(messages).as("swagger-parser's messages").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
    }

    @Then("Redocly's linter with its recommended rules finds no error in it")
    public void redocly() {
        RedoclyLint.Findings findings = RedoclyLint.lint(text, "openapi.yaml");
        System.out.printf(
                "Redocly lint (recommended): %d errors, %d warnings%n", findings.errors(), findings.warnings());
        findings.problems().forEach(problem -> System.out.println("  " + problem));
        assertThat(findings.errors()).as(String.join("\n", findings.problems())).isZero();
    }

    @Then("it names the API, its version and a contact")
    public void infoComplete() {
        JsonNode info = document.path("info");
        assertThat(info.path("title").asText()).isNotBlank().isNotEqualTo("Generated API");
        assertThat(info.path("version").asText()).isNotBlank();
        assertThat(info.path("description").asText()).isNotBlank();
        assertThat(info.at("/contact/name").asText()).isNotBlank();
        assertThat(info.at("/contact/url").asText() + info.at("/contact/email").asText())
                .isNotBlank();
    }

    @Then("it describes the project API key as an HTTP bearer scheme")
    public void bearerScheme() {
        assertThat(bearerSchemeName()).isNotNull();
    }

    @Then("every route of the gateway's HTTP API is in it, and no other")
    public void everyRoute() {
        Set<String> routes = GatewayRoutes.ofWar(Path.of(Settings.get("gateway.war")));
        assertThat(operations().keySet())
                .as("the operations of /openapi against the JAX-RS routes of the WAR")
                .containsExactlyInAnyOrderElementsOf(routes);
    }

    @Then("every operation has a summary, an operationId and a described tag")
    public void summaryIdTag() {
        Set<String> described = new TreeSet<>();
        for (JsonNode tag : document.path("tags")) {
            if (!tag.path("description").asText().isBlank()) {
                described.add(tag.path("name").asText());
            }
        }
        Set<String> ids = new TreeSet<>();
        operations().forEach((route, operation) -> {
            assertThat(operation.path("summary").asText())
                    .as(route + " summary")
                    .isNotBlank();
            assertThat(operation.path("description").asText())
                    .as(route + " description")
                    .isNotBlank();
            String id = operation.path("operationId").asText();
            assertThat(id).as(route + " operationId").matches("[A-Za-z][A-Za-z0-9_]*");
            assertThat(ids.add(id))
                    .as(route + " operationId " + id + " is unique")
                    .isTrue();
            assertThat(operation.path("tags")).as(route + " tags").isNotEmpty();
            for (JsonNode tag : operation.path("tags")) {
                assertThat(described).as(route + " tag").contains(tag.asText());
            }
            for (JsonNode parameter : operation.path("parameters")) {
                JsonNode resolved = resolve(parameter);
                assertThat(resolved.path("description").asText())
                        .as(route + " parameter " + resolved.path("name").asText())
                        .isNotBlank();
            }
        });
    }

    @Then("every operation says how it fails, with the error shape and an example of each error")
    public void errorsDescribed() {
        operations().forEach((route, operation) -> {
            JsonNode responses = operation.path("responses");
            assertThat(responses.has("default"))
                    .as(route + " has no catch-all response")
                    .isFalse();
            List<String> failures = new ArrayList<>();
            responses.fieldNames().forEachRemaining(status -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    failures.add(status);
                }
            });
            assertThat(failures).as(route + " error answers").isNotEmpty();
            for (String status : failures) {
                assertThat(errorCodesOf(route, status))
                        .as(route + " " + status + " examples")
                        .isNotEmpty();
            }
            responses.fieldNames().forEachRemaining(status -> {
                JsonNode response = resolve(responses.path(status));
                assertThat(response.path("description").asText())
                        .as(route + " " + status + " description")
                        .isNotBlank();
                if (status.startsWith("2") && !status.equals("204")) {
                    assertThat(response.path("content").size())
                            .as(route + " " + status + " has a body schema")
                            .isPositive();
                    response.path("content")
                            .forEach(media -> assertThat(media.has("schema"))
                                    .as(route + " " + status + " schema")
                                    .isTrue());
                }
            });
        });
    }

    @Then("the operations are described with these answers:")
    public void answersAsContract(DataTable table) {
        String bearer = bearerSchemeName();
        Map<String, JsonNode> operations = operations();
        for (Map<String, String> row : table.asMaps()) {
            String route = row.get("operation").trim();
            JsonNode operation = operations.get(route);
            assertThat(operation).as(route + " is described").isNotNull();
            JsonNode security = operation.path("security");
            if (row.get("API key").trim().equals("required")) {
                assertThat(security.isArray()).as(route + " security").isTrue();
                List<String> schemes = new ArrayList<>();
                security.forEach(requirement -> requirement.fieldNames().forEachRemaining(schemes::add));
                assertThat(schemes).as(route + " security").containsExactly(bearer);
            } else {
                assertThat(security.isArray())
                        .as(route + " says it needs no API key")
                        .isTrue();
                security.forEach(requirement ->
                        assertThat(requirement.size()).as(route + " security").isZero());
            }
            for (String answer : COMMA.splitAsStream(row.get("answers").trim()).toList()) {
                List<String> parts = SPACES.splitAsStream(answer).toList();
                String status = parts.get(0);
                assertThat(operation.path("responses").has(status))
                        .as(route + " answers " + status)
                        .isTrue();
                if (parts.size() > 1) {
                    assertThat(errorCodesOf(route, status))
                            .as(route + " " + status + " examples")
                            .contains(parts.get(1));
                }
            }
        }
    }

    @When("a developer opens the OpenAPI browser")
    public void openBrowser() {
        String path = "/openapi/ui/";
        browser = gateway.request("GET", path, null, null, null);
        for (int hops = 0; hops < 3 && browser.statusCode() / 100 == 3; hops++) {
            path = browser.headers().firstValue("Location").orElseThrow();
            browser = gateway.request("GET", path.startsWith("/") ? path : "/" + path, null, null, null);
        }
    }

    @Then("it is an HTML page")
    public void htmlPage() {
        assertThat(browser.statusCode()).isEqualTo(200);
        assertThat(browser.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(browser.body().toLowerCase(Locale.ROOT)).contains("<html");
    }

    /** {@code "METHOD /path"} → operation, for every operation of the document. */
    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new TreeMap<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (METHODS.contains(entry.getKey())) {
                    operations.put(entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), entry.getValue());
                }
            }
        }
        return operations;
    }

    /** The name of the HTTP bearer security scheme; fails when there is none, or more than one. */
    private String bearerSchemeName() {
        List<String> bearer = new ArrayList<>();
        for (Map.Entry<String, JsonNode> scheme :
                document.at("/components/securitySchemes").properties()) {
            JsonNode definition = resolve(scheme.getValue());
            if (definition.path("type").asText().equals("http")
                    && definition.path("scheme").asText().equalsIgnoreCase("bearer")) {
                assertThat(definition.path("description").asText()).isNotBlank();
                bearer.add(scheme.getKey());
            }
        }
        assertThat(bearer).as("HTTP bearer security schemes").hasSize(1);
        return bearer.get(0);
    }

    /**
     * The error codes of the examples of one error answer of an operation, after checking that its JSON body is the
     * error shape {@code {"error": {"code", "message"}}} and that every example has it.
     */
    private Set<String> errorCodesOf(String route, String status) {
        JsonNode response = resolve(operationOf(route).path("responses").path(status));
        JsonNode media = response.path("content").path(JSON);
        assertThat(media.isMissingNode()).as(route + " " + status + " is JSON").isFalse();
        JsonNode schema = resolve(media.path("schema"));
        JsonNode error = resolve(schema.at("/properties/error"));
        assertThat(error.at("/properties/code").isMissingNode())
                .as(route + " " + status + " schema has error.code")
                .isFalse();
        assertThat(error.at("/properties/message").isMissingNode())
                .as(route + " " + status + " schema has error.message")
                .isFalse();
        List<JsonNode> examples = new ArrayList<>();
        if (media.has("example")) {
            examples.add(media.path("example"));
        }
        media.path("examples").forEach(example -> examples.add(resolve(example).path("value")));
        Set<String> codes = new TreeSet<>();
        for (JsonNode example : examples) {
            String code = example.at("/error/code").asText();
            assertThat(code).as(route + " " + status + " example " + example).matches("[A-Z_]+");
            assertThat(example.at("/error/message").asText())
                    .as(route + " " + status + " example message")
                    .isNotBlank();
            codes.add(code);
        }
        return codes;
    }

    private JsonNode operationOf(String route) {
        JsonNode operation = operations().get(route);
        assertThat(operation).as(route).isNotNull();
        return operation;
    }

    /** A node, or what its {@code $ref} (within the document) points at. */
    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; depth < 8 && current.has("$ref"); depth++) {
            String ref = current.path("$ref").asText();
            assertThat(ref).startsWith("#/");
            current = document.at(ref.substring(1));
            assertThat(current.isMissingNode()).as(ref + " resolves").isFalse();
        }
        return current;
    }
}
