package health.wearables.adapters.rest.out.provider.notify;

import health.wearables.domain.notify.InboundNotification;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A provider's notification as {@link NotificationSender} built it: the method, the query parameters the provider
 * adds to the callback URL, the headers and the exact body bytes (signatures are over these). It can be spoiled
 * ({@link #withoutSignature()}, {@link #withTamperedBody()}, a header or query parameter changed), given to a reader as
 * an {@link InboundNotification}, or sent to a running gateway. Sending the same one twice is a replay.
 */
public final class PreparedNotification {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String method;
    private final Map<String, String> query;
    private final Map<String, String> headers;
    private final byte[] body;
    private final Optional<String> signatureHeader;

    PreparedNotification(
            String method,
            Map<String, String> query,
            Map<String, String> headers,
            byte[] body,
            Optional<String> signatureHeader) {
        this.method = method;
        this.query = Map.copyOf(query);
        this.headers = Map.copyOf(headers);
        this.body = body.clone();
        this.signatureHeader = signatureHeader;
    }

    public String method() {
        return method;
    }

    public Map<String, String> query() {
        return query;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public PreparedNotification withHeader(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(headers);
        changed.put(name, value);
        return new PreparedNotification(method, query, changed, body, signatureHeader);
    }

    public PreparedNotification withoutHeader(String name) {
        Map<String, String> changed = new LinkedHashMap<>(headers);
        changed.remove(name);
        return new PreparedNotification(method, query, changed, body, signatureHeader);
    }

    public PreparedNotification withQuery(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(query);
        changed.put(name, value);
        return new PreparedNotification(method, changed, headers, body, signatureHeader);
    }

    public PreparedNotification withoutQuery(String name) {
        Map<String, String> changed = new LinkedHashMap<>(query);
        changed.remove(name);
        return new PreparedNotification(method, changed, headers, body, signatureHeader);
    }

    /** The same signature over another body: a signature that does not match. */
    public PreparedNotification withBody(String otherBody) {
        return new PreparedNotification(
                method, query, headers, otherBody.getBytes(StandardCharsets.UTF_8), signatureHeader);
    }

    /** The body with one more trailing space, still well-formed, no longer what was signed. */
    public PreparedNotification withTamperedBody() {
        return withBody(bodyText() + " ");
    }

    /** Without the provider's signature header (for an unsigned provider: unchanged). */
    public PreparedNotification withoutSignature() {
        return signatureHeader.map(this::withoutHeader).orElse(this);
    }

    /** As a reader gets it, arrived at {@code receivedAt}. */
    public InboundNotification inbound(Instant receivedAt) {
        return new InboundNotification(method, lists(headers), lists(query), body, receivedAt);
    }

    /** Sends it to the gateway's webhook URL ({@code …/v1/wearables/<provider>/webhook}), with its query added. */
    public HttpResponse<String> send(URI webhook) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = method.equals("GET") || method.equals("HEAD")
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(withQuery(webhook))
                .timeout(Duration.ofSeconds(10))
                .method(method, publisher);
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI withQuery(URI webhook) {
        if (query.isEmpty()) {
            return webhook;
        }
        String added = query.entrySet().stream()
                .map(parameter -> encode(parameter.getKey()) + "=" + encode(parameter.getValue()))
                .collect(Collectors.joining("&"));
        String text = webhook.toString();
        return URI.create(text + (webhook.getRawQuery() == null ? "?" : "&") + added);
    }

    /** Percent-encoded, a space as {@code %20}: a query is not a form, whatever reads it. */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, List<String>> lists(Map<String, String> single) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        single.forEach((name, value) -> lists.put(name, List.of(value)));
        return lists;
    }

    /** Names the method and the body's size only, like {@link InboundNotification}. */
    @Override
    public String toString() {
        return "PreparedNotification[" + method + ", " + body.length + " bytes]";
    }
}
