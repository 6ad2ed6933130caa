package health.wearables.adapters.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.application.port.out.ReversibleTokenCipher;
import health.wearables.application.port.out.Samples;
import health.wearables.application.port.out.TokenCipher.TokenKind;
import health.wearables.domain.ApiKey;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.Project;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.SealedCredentials;
import io.undertow.Undertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /fhir} over HTTP, HAPI's RestfulServer in a servlet container in the test JVM on the shared store: who may
 * read what, that every refusal is a FHIR OperationOutcome, and that a routine refusal is one INFO line in the log,
 * never an ERROR or WARN with a stack trace.
 */
class ProjectFhirServletTest {
    private static final String KEY = "fhir-servlet-test-key";
    private static final String OTHER_KEY = "fhir-servlet-other-key";
    private static final ConfiguredProviders NO_PROVIDERS = new ConfiguredProviders() {
        @Override
        public Optional<ConfiguredProvider> find(ProviderSlug slug) {
            return Optional.empty();
        }

        @Override
        public List<ConfiguredProvider> all() {
            return List.of();
        }
    };

    private static ConnectionKey stored;
    private static Undertow server;
    private static DeploymentManager deployment;
    private static URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    @SuppressWarnings("UnnecessaryAssignment") // builds the CDI bean by hand: no container sets its @Inject fields
    static void start() throws Exception {
        EmbeddedFhirStore store = SharedFhirStore.get();
        stored = Samples.connectionKey();
        Project owner = new Project(stored.project(), List.of(new ApiKey(KEY).sha256()), List.of());
        Project other =
                new Project(new ProjectId(Samples.unique("other")), List.of(new ApiKey(OTHER_KEY).sha256()), List.of());
        new FhirConnectionStore(store, NO_PROVIDERS).save(sealed(stored));

        ProjectFhirServlet servlet = new ProjectFhirServlet();
        servlet.fhir = new FhirProducer() {
            @Override
            EmbeddedFhirStore store() {
                return store;
            }
        };
        servlet.projects = new ProjectDirectory() {
            @Override
            public Optional<Project> find(ProjectId id) {
                return List.of(owner, other).stream()
                        .filter(project -> project.id().equals(id))
                        .findFirst();
            }

            @Override
            public Optional<Project> authenticate(ApiKey key) {
                return List.of(owner, other).stream()
                        .filter(project -> project.authenticates(key))
                        .findFirst();
            }
        };
        deployment = Servlets.defaultContainer()
                .addDeployment(Servlets.deployment()
                        .setClassLoader(ProjectFhirServletTest.class.getClassLoader())
                        .setContextPath("/")
                        .setDeploymentName("fhir")
                        .addServlet(Servlets.servlet(
                                        "fhir", ProjectFhirServlet.class, new ImmediateInstanceFactory<>(servlet))
                                .addMapping("/fhir/*")
                                .setLoadOnStartup(1)));
        deployment.deploy();
        server = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setHandler(deployment.start())
                .build();
        server.start();
        base = URI.create("http://127.0.0.1:"
                + ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort());
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        deployment.stop();
        deployment.undeploy();
    }

    private static SealedCredentials sealed(ConnectionKey key) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ReversibleTokenCipher cipher = new ReversibleTokenCipher();
        return new SealedCredentials(
                key,
                cipher.seal(key, TokenKind.ACCESS, "access"),
                Optional.empty(),
                Optional.empty(),
                Optional.of(now.plusSeconds(60)),
                List.of("activity"),
                Optional.empty(),
                now);
    }

    private HttpResponse<String> get(String path, String apiKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/fhir+json");
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String endpointId() throws IOException, InterruptedException {
        HttpResponse<String> search =
                get("/fhir/Endpoint?identifier=" + EndpointMapping.CONNECTION_SYSTEM + "%7C" + stored.canonical(), KEY);
        assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
        String body = search.body();
        int at = body.indexOf("\"resourceType\":\"Endpoint\",\"id\":\"");
        assertThat(at).as(body).isNotNegative();
        int start = at + "\"resourceType\":\"Endpoint\",\"id\":\"".length();
        return body.substring(start, body.indexOf('"', start));
    }

    @Test
    void the_owning_project_reads_its_endpoint() throws Exception {
        HttpResponse<String> read = get("/fhir/Endpoint/" + endpointId(), KEY);

        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).contains("\"resourceType\":\"Endpoint\"").contains(stored.canonical());
    }

    @Test
    void without_a_key_it_is_401_as_an_operation_outcome_and_one_info_line() throws Exception {
        try (LogCapture log = new LogCapture()) {
            HttpResponse<String> answer = get("/fhir/Endpoint/1", null);

            assertOperationOutcome(answer, 401, ProjectAuthentication.REFUSED);
            assertOneInfoLine(log, "401 GET /fhir/Endpoint/1: " + ProjectAuthentication.REFUSED);
        }
    }

    @Test
    void an_unknown_key_is_401_before_anything_is_routed() throws Exception {
        try (LogCapture log = new LogCapture()) {
            HttpResponse<String> unknownType = get("/fhir/Patient/1", "not-a-key");
            HttpResponse<String> metadata = get("/fhir/metadata", null);

            assertOperationOutcome(unknownType, 401, ProjectAuthentication.REFUSED);
            assertOperationOutcome(metadata, 401, ProjectAuthentication.REFUSED);
            assertThat(log.records())
                    .filteredOn(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                    .isEmpty();
        }
    }

    @Test
    void another_projects_endpoint_is_404_like_a_missing_one_and_one_info_line() throws Exception {
        String id = endpointId();
        try (LogCapture log = new LogCapture()) {
            HttpResponse<String> answer = get("/fhir/Endpoint/" + id, OTHER_KEY);

            assertOperationOutcome(answer, 404, "Endpoint/" + id);
            assertOneInfoLine(log, "404 GET /fhir/Endpoint/" + id + ": ");
        }
    }

    @Test
    void an_unknown_resource_is_404_and_one_info_line() throws Exception {
        try (LogCapture log = new LogCapture()) {
            HttpResponse<String> missing = get("/fhir/Endpoint/999999999", KEY);

            assertOperationOutcome(missing, 404, "Endpoint/999999999");
            assertOneInfoLine(log, "404 GET /fhir/Endpoint/999999999: ");
        }
        try (LogCapture log = new LogCapture()) {
            HttpResponse<String> unknownType = get("/fhir/Patient/1", KEY);

            assertOperationOutcome(unknownType, 404, "Patient");
            assertOneInfoLine(log, "404 GET /fhir/Patient/1: ");
        }
    }

    @Test
    void a_failure_of_the_server_is_left_to_hap_is_error_handling() {
        ProjectFhirServlet.RoutineRefusals refusals = new ProjectFhirServlet.RoutineRefusals();

        assertThat(refusals.refused(null, null, new InternalErrorException("disk full")))
                .isNull();
        assertThat(refusals.refused(null, null, new IllegalStateException("bug")))
                .isNull();
    }

    @Test
    void what_a_refusal_logs_stays_on_one_bounded_line() {
        assertThat(ProjectFhirServlet.RoutineRefusals.loggable("a\nb\rc\td")).isEqualTo("a?b?c?d");
        assertThat(ProjectFhirServlet.RoutineRefusals.loggable("x".repeat(1000)))
                .hasSize(301);
        assertThat(ProjectFhirServlet.RoutineRefusals.loggable(null)).isEmpty();
    }

    private static void assertOperationOutcome(HttpResponse<String> answer, int status, String diagnostics) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/fhir+json"));
        assertThat(answer.body())
                .startsWith("{\"resourceType\":\"OperationOutcome\"")
                .contains("\"severity\":\"error\"")
                .contains("\"code\":\"processing\"")
                .contains(diagnostics)
                .doesNotContain("\tat ")
                .doesNotContain("Exception");
    }

    /** The request left exactly one line, at INFO, saying what was refused; nothing at WARN or above, no trace. */
    private static void assertOneInfoLine(LogCapture log, String refusal) {
        List<LogRecord> records = log.records();
        assertThat(records)
                .as(String.join("", log.lines()))
                .filteredOn(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                .isEmpty();
        assertThat(records)
                .as(String.join("", log.lines()))
                .filteredOn(record -> record.getThrown() != null)
                .isEmpty();
        assertThat(log.lines())
                .as(String.join("", log.lines()))
                .filteredOn(line -> line.contains("FHIR request refused"))
                .singleElement()
                .satisfies(line -> assertThat(line).contains("INFO").contains(refusal));
        assertThat(String.join("", log.lines())).doesNotContain("\tat ");
    }
}
