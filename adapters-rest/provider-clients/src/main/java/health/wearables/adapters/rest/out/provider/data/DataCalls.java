package health.wearables.adapters.rest.out.provider.data;

import health.wearables.adapters.rest.out.provider.ProviderCalls.Answer;
import health.wearables.adapters.rest.out.provider.ProviderCalls.Answer.Answered;
import health.wearables.adapters.rest.out.provider.ProviderTransport;
import health.wearables.application.port.out.ProviderData.DataPage;
import health.wearables.application.port.out.ProviderData.RateLimited;
import health.wearables.application.port.out.ProviderData.Unauthorized;
import health.wearables.application.port.out.ProviderData.Unavailable;
import health.wearables.application.port.out.ProviderData.Unreadable;
import health.wearables.domain.AccessToken;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.minidev.json.JSONObject;

/**
 * The calls a data client makes, all through the one {@link ProviderTransport} (sent once, deadline, body cap, no
 * redirects) with the access token as a bearer, and what their answers mean before any provider's JSON is read:
 * 401 is {@link Unauthorized}, 429 is {@link RateLimited} with the {@code Retry-After} delay, 5xx (and 408) or no
 * answer is {@link Unavailable}, any other status or a body that is not a JSON object is {@link Unreadable}. The
 * reasons are ours: a status number or the transport's reason, never the body.
 */
final class DataCalls {
    private final ProviderTransport transport;
    private final Clock clock;

    DataCalls(ProviderTransport transport, Clock clock) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@code GET uri}; a JSON object body goes to {@code read}. */
    DataPage get(String what, URI uri, AccessToken bearer, Function<JSONObject, DataPage> read) {
        return answered(what, transport.send(request(uri, bearer).GET().build()), read);
    }

    /** {@code POST uri} with a form body (Withings' style); a JSON object body goes to {@code read}. */
    DataPage postForm(
            String what, URI uri, AccessToken bearer, Map<String, String> form, Function<JSONObject, DataPage> read) {
        return answered(
                what,
                transport.send(request(uri, bearer)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(encoded(form), StandardCharsets.UTF_8))
                        .build()),
                read);
    }

    /** The base URI (which may carry a path, e.g. WHOOP's {@code /developer}) with a path and a query appended. */
    static URI uri(URI base, String path, Map<String, String> query) {
        String root = base.toString();
        while (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        return URI.create(root + path + (query.isEmpty() ? "" : "?" + encoded(query)));
    }

    private HttpRequest.Builder request(URI uri, AccessToken bearer) {
        return transport
                .request(uri)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + bearer.value());
    }

    private DataPage answered(String what, Answer answer, Function<JSONObject, DataPage> read) {
        return answer.fold(
                answered -> status(what, answered, read),
                unanswered -> new Unavailable(what + ": " + unanswered.reason()));
    }

    private DataPage status(String what, Answered answered, Function<JSONObject, DataPage> read) {
        int status = answered.status();
        if (status == 401) {
            return new Unauthorized();
        }
        if (status == 429) {
            return new RateLimited(RetryAfter.parse(answered.retryAfter(), clock.instant()));
        }
        if (status >= 500 || status == 408) {
            return new Unavailable(what + ": answered HTTP " + status);
        }
        if (status < 200 || status >= 300) {
            return new Unreadable(what + ": answered HTTP " + status);
        }
        return Json.parse(answered.body())
                .map(read)
                .orElseGet(() -> new Unreadable(what + ": the answer is not a JSON object"));
    }

    /** {@code application/x-www-form-urlencoded}, with spaces as {@code %20} so it also reads right in a query. */
    private static String encoded(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(parameter -> encode(parameter.getKey()) + "=" + encode(parameter.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
