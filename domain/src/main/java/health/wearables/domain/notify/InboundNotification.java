package health.wearables.domain.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A request that arrived on {@code /v1/wearables/{provider}/webhook}, as the provider sent it and before anything of it
 * is believed: the method, the headers (names in lower case), the query parameters, the raw body (signatures are over
 * these exact bytes) and when it arrived (for timestamp checks).
 */
public final class InboundNotification {
    private final String method;
    private final Map<String, List<String>> headers;
    private final Map<String, List<String>> query;
    private final byte[] body;
    private final Instant receivedAt;

    public InboundNotification(
            String method,
            Map<String, List<String>> headers,
            Map<String, List<String>> query,
            byte[] body,
            Instant receivedAt) {
        this.method = Objects.requireNonNull(method, "method");
        this.receivedAt = Objects.requireNonNull(receivedAt, "received at");
        TreeMap<String, List<String>> lower = new TreeMap<>();
        headers.forEach((name, values) ->
                lower.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values), InboundNotification::concat));
        this.headers = Collections.unmodifiableMap(lower);
        TreeMap<String, List<String>> copied = new TreeMap<>();
        query.forEach((name, values) -> copied.put(name, List.copyOf(values)));
        this.query = Collections.unmodifiableMap(copied);
        this.body = body.clone();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> both = new ArrayList<>(a);
        both.addAll(b);
        return List.copyOf(both);
    }

    public String method() {
        return method;
    }

    /** All headers, names in lower case. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    public Map<String, List<String>> query() {
        return query;
    }

    /** A copy of the raw body. */
    public byte[] body() {
        return body.clone();
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    /** The only value of a header; empty when it is absent or appears more than once. */
    public Optional<String> header(String name) {
        List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
    }

    /** The only value of a query parameter; empty when it is absent or appears more than once. */
    public Optional<String> queryParameter(String name) {
        List<String> values = query.getOrDefault(name, List.of());
        return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InboundNotification that
                && method.equals(that.method)
                && headers.equals(that.headers)
                && query.equals(that.query)
                && Arrays.equals(body, that.body)
                && receivedAt.equals(that.receivedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, headers, query, Arrays.hashCode(body), receivedAt);
    }

    /** Names only the method and the body's length: a notification's body is the provider's, not the log's. */
    @Override
    public String toString() {
        return "InboundNotification[" + method + ", " + body.length + " bytes]";
    }
}
