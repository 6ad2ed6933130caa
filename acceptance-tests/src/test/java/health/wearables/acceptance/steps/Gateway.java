package health.wearables.acceptance.steps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The gateway's HTTP API as a platform and a patient's browser use it; redirects are never followed. */
public final class Gateway {
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI base = Settings.gatewayBaseUrl();

    HttpResponse<String> connect(String apiKey, String provider, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/v1/wearables/" + provider + "/connect"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return send(request.build());
    }

    /** The same address on the second instance, as a load balancer would route it there. */
    static URI onSecondInstance(URI uri) {
        URI second = Settings.secondGatewayBaseUrl();
        return URI.create(second.getScheme() + "://" + second.getRawAuthority() + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    HttpResponse<String> browse(URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build());
    }

    /** A request without side effects as link scanners and prefetchers send it (HEAD, OPTIONS). */
    HttpResponse<String> probe(String method, URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    HttpResponse<String> callback(String path, String rawQuery) {
        return browse(base.resolve(path + "?" + rawQuery));
    }

    HttpResponse<String> connections(String apiKey, String patientId) {
        return send(HttpRequest.newBuilder(base.resolve("/v1/wearables/connections?patientId=" + encode(patientId)))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey).GET().build());
    }

    HttpResponse<String> fhir(String apiKey, String pathAndQuery) {
        return send(HttpRequest.newBuilder(base.resolve("/fhir/" + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/fhir+json").GET().build());
    }

    HttpResponse<String> providers(String apiKey) {
        return send(HttpRequest.newBuilder(base.resolve("/v1/wearables/providers")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey).GET().build());
    }

    HttpResponse<String> metrics() {
        return send(HttpRequest.newBuilder(base.resolve("/metrics?scope=application")).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/plain").GET().build());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
