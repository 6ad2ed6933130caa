package health.wearables.adapters.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.AuditTrail;
import health.wearables.application.port.out.ProjectDirectory;
import io.undertow.Undertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@link ProjectFhirServlet} at {@code /fhir/*} over HTTP, in a servlet container (Undertow) in the test JVM, on a
 * store of the test's: the CDI bean built by hand, as no container sets its {@code @Inject} fields here.
 */
final class FhirServletHarness implements AutoCloseable {
    private final HttpClient http = HttpClient.newHttpClient();
    private final DeploymentManager deployment;
    private final Undertow server;
    private final URI base;

    @SuppressWarnings("UnnecessaryAssignment") // builds the CDI bean by hand: no container sets its @Inject fields
    FhirServletHarness(EmbeddedFhirStore store, ProjectDirectory projects, AuditTrail audits) throws ServletException {
        ProjectFhirServlet servlet = new ProjectFhirServlet();
        servlet.audits = audits;
        servlet.projects = projects;
        servlet.fhir = new FhirProducer() {
            @Override
            EmbeddedFhirStore store() {
                return store;
            }
        };
        deployment = Servlets.defaultContainer()
                .addDeployment(Servlets.deployment()
                        .setClassLoader(FhirServletHarness.class.getClassLoader())
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

    /** A GET of {@code path} asking for FHIR JSON, with the API key as a bearer token unless it is null. */
    HttpResponse<String> get(String path, String apiKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/fhir+json");
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST of FHIR JSON to {@code path} with the API key as a bearer token. */
    HttpResponse<String> post(String path, String apiKey, String json) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Accept", "application/fhir+json")
                        .header("Content-Type", "application/fhir+json")
                        .header("Authorization", "Bearer " + apiKey)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws ServletException {
        server.stop();
        deployment.stop();
        deployment.undeploy();
    }

    /**
     * The answer is {@code status} with a FHIR JSON OperationOutcome: one error of {@code code} saying {@code
     * diagnostics}, and no stack trace or exception name.
     */
    static void assertOperationOutcome(HttpResponse<String> answer, int status, String code, String diagnostics) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/fhir+json"));
        assertThat(answer.body())
                .startsWith("{\"resourceType\":\"OperationOutcome\"")
                .contains("\"severity\":\"error\"")
                .contains("\"code\":\"" + code + "\"")
                .contains(diagnostics)
                .doesNotContain("\tat ")
                .doesNotContain("Exception");
    }
}
