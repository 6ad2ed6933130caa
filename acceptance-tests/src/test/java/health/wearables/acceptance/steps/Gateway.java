package health.wearables.acceptance.steps;

import com.fasterxml.jackson.databind.JsonNode;
import health.wearables.acceptance.sweep.SecretKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The gateway's HTTP API as a platform and a patient's browser use it; redirects are never followed. Every request and
 * answer passes by {@link RunSecrets}: states and codes on URLs and redirects, the state of every authorization URL
 * handed out, and every error body.
 */
public final class Gateway {
    /**
     * HTTP/1.1, as browsers and platforms speak plain-text HTTP (none upgrades to h2c). The JDK client would otherwise
     * offer the h2c upgrade on every connection, and many streams at once over one upgraded connection have been seen
     * to leave Liberty's HTTP/2 writers parked for good (see the run's report).
     */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final URI base = Settings.gatewayBaseUrl();

    HttpResponse<String> connect(String apiKey, String provider, String jsonBody) {
        return connect(base, apiKey, provider, jsonBody);
    }

    /** A connection started on a given instance. */
    HttpResponse<String> connect(URI instance, String apiKey, String provider, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(instance.resolve("/v1/wearables/" + provider + "/connect"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() == 201) {
            JsonNode url = Json.parse(response.body()).path("authorizationUrl");
            if (url.isTextual()) {
                RunSecrets.rememberFromQuery(URI.create(url.asText()));
            }
        }
        return response;
    }

    /**
     * {@code POST /v1/wearables/connect-sessions} with a project's API key (or none when it is null); the link's token
     * goes to the secrets sweep.
     */
    HttpResponse<String> connectSession(String apiKey, String jsonBody) {
        return connectSession(base, apiKey, jsonBody);
    }

    /** {@link #connectSession(String, String)} on the instance at {@code instance}. */
    HttpResponse<String> connectSession(URI instance, String apiKey, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(instance.resolve("/v1/wearables/connect-sessions"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() == 201) {
            JsonNode url = Json.parse(response.body()).path("connectUrl");
            if (url.isTextual()) {
                rememberConnectLink(URI.create(url.asText()));
            }
        }
        return response;
    }

    /** The token of a connect link, the last segment of its path, is a secret of the run. */
    static void rememberConnectLink(URI link) {
        String path = link.getRawPath();
        RunSecrets.remember(SecretKind.CONNECT_LINK, path.substring(path.lastIndexOf('/') + 1));
    }

    /** The connect page's form as a browser posts it: the chosen provider, nothing else. */
    HttpResponse<String> choose(URI page, String provider) {
        return send(HttpRequest.newBuilder(page)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("provider=" + encode(provider)))
                .build());
    }

    /** The same address on the second instance, as a load balancer would route it there. */
    static URI onSecondInstance(URI uri) {
        URI second = Settings.secondGatewayBaseUrl();
        return URI.create(second.getScheme() + "://" + second.getRawAuthority() + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    HttpResponse<String> browse(URI uri) {
        return send(HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build());
    }

    /** A request without side effects as link scanners and prefetchers send it (HEAD, OPTIONS). */
    HttpResponse<String> probe(String method, URI uri) {
        return send(HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build());
    }

    HttpResponse<String> callback(String path, String rawQuery) {
        return browse(base.resolve(path + "?" + rawQuery));
    }

    HttpResponse<String> connections(String apiKey, String patientId) {
        return send(HttpRequest.newBuilder(base.resolve("/v1/wearables/connections?patientId=" + encode(patientId)))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey)
                .GET()
                .build());
    }

    /** A read or search of the FHIR record, with a project's API key, or without any when it is null. */
    HttpResponse<String> fhir(String apiKey, String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/fhir/" + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/fhir+json")
                .GET();
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return send(request.build());
    }

    /**
     * A request as any client could send it: a method, a raw path (sent as it is, percent-encoding included), and
     * optionally a body with its Content-Type and a project's API key.
     */
    HttpResponse<String> request(String method, String rawPath, String contentType, String body, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + rawPath))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return send(request.build());
    }

    /** A request for a sync of a connection now, on a gateway instance, with a project's API key. */
    HttpResponse<String> sync(URI instance, String apiKey, String provider, String patientId) {
        return send(HttpRequest.newBuilder(
                        instance.resolve("/v1/wearables/" + provider + "/connections/" + encode(patientId) + "/sync"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    /** A further page of a FHIR search, by the absolute address the server put in the bundle's {@code next} link. */
    HttpResponse<String> fhirPage(String apiKey, URI page) {
        return send(HttpRequest.newBuilder(page)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/fhir+json")
                .GET()
                .build());
    }

    HttpResponse<String> providers(String apiKey) {
        return send(HttpRequest.newBuilder(base.resolve("/v1/wearables/providers"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey)
                .GET()
                .build());
    }

    /** MicroProfile Health readiness of an instance. */
    HttpResponse<String> readiness(URI instance) {
        return send(HttpRequest.newBuilder(instance.resolve("/health/ready"))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .GET()
                .build());
    }

    HttpResponse<String> metrics() {
        return send(HttpRequest.newBuilder(base.resolve("/metrics?scope=application"))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "text/plain")
                .GET()
                .build());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest request) {
        RunSecrets.rememberFromQuery(request.uri());
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        response.headers().firstValue("Location").ifPresent(Gateway::rememberRedirect);
        if (response.statusCode() >= 400) {
            RunSecrets.rememberErrorBody(request.method() + " " + request.uri().getRawPath(), response.body());
        }
        return response;
    }

    private static void rememberRedirect(String location) {
        try {
            RunSecrets.rememberFromQuery(URI.create(location));
        } catch (IllegalArgumentException notAUri) {
            // a Location that is not a URI carries nothing this run could have handed out
        }
    }
}
