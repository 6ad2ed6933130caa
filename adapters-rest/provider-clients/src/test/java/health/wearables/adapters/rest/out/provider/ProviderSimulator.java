package health.wearables.adapters.rest.out.provider;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A wearable provider's token endpoint on 127.0.0.1 (ephemeral port), answering however the test tells it to: valid
 * tokens, errors, hangs, slow drips, huge bodies, redirects. Other paths can be routed too (a provider's own token
 * path, its registration or user-id endpoint). It counts the calls and records every request's headers and body. Plain Java (JDK HTTP server, no test framework), so acceptance tests can reuse it.
 *
 * <p>A path can also be a provider's revocation endpoint ({@link #revocation}): it takes the token the way the
 * provider documents, remembers it as revoked (a revoked refresh token is then refused by
 * {@link #rotatingRefreshTokens}, and listeners such as a data simulator's {@code revoke} hear of it), and can be made
 * to fail the next requests with 503 or to hang.
 *
 * <p>Each request is handled on its own thread, so a hanging answer does not block the next one; {@link #close()}
 * interrupts whatever is still hanging or dripping.
 */
public final class ProviderSimulator implements AutoCloseable {
    public static final String TOKEN_PATH = "/oauth2/token";
    /**
     * The request each exchange in flight carries, by the exchange itself: the JDK server keeps an exchange's
     * attributes in its context, shared by every exchange at the same moment, so they cannot hold it.
     */
    private static final java.util.Map<HttpExchange, RecordedRequest> RECORDED =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /** What the token endpoint does with a request (whose body has already been read). */
    @FunctionalInterface
    public interface Answer {
        void respond(HttpExchange exchange) throws IOException, InterruptedException;

        /** A JSON body with the given status. */
        static Answer json(int status, String json) {
            return body(status, "application/json;charset=UTF-8", json);
        }

        /** A successful bearer token response. */
        static Answer bearer(String accessToken, String refreshToken, long expiresIn) {
            return json(
                    200,
                    "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"refresh_token\":\""
                            + refreshToken + "\",\"expires_in\":" + expiresIn + "}");
        }

        /** Any body, with its content type. */
        static Answer body(int status, String contentType, String body) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            return exchange -> {
                exchange.getResponseHeaders().set("Content-Type", contentType);
                exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            };
        }

        /** A status with no body at all. */
        static Answer empty(int status) {
            return exchange -> {
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            };
        }

        /** A redirect (302) to the given location. */
        static Answer redirect(URI location) {
            return exchange -> {
                exchange.getResponseHeaders().set("Location", location.toString());
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
            };
        }

        /** Reads the request and never answers (until the simulator is closed). */
        static Answer hang() {
            return exchange -> Thread.sleep(Long.MAX_VALUE);
        }

        /** Status and headers at once, then the body one byte per interval. */
        static Answer drip(String body, Duration interval) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            return exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (byte b : bytes) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(interval.toMillis());
                    }
                }
            };
        }

        /**
         * A 200 body of {@code size} bytes, announced by {@code Content-Length} or
         * sent chunked without a length.
         */
        static Answer oversized(int size, boolean announceLength) {
            return exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, announceLength ? size : 0);
                byte[] chunk = new byte[8192];
                Arrays.fill(chunk, (byte) 'a');
                try (OutputStream out = exchange.getResponseBody()) {
                    for (int sent = 0; sent < size; sent += chunk.length) {
                        out.write(chunk, 0, Math.min(chunk.length, size - sent));
                    }
                }
            };
        }
    }

    /** Where a revocation endpoint takes the token it revokes. */
    public enum TokenIn {
        /** RFC 7009 §2.1: form field {@code token} (with {@code token_type_hint}). */
        FORM_TOKEN,
        /** Form field {@code access_token} (Strava's deauthorize). */
        FORM_ACCESS_TOKEN,
        /** Query parameter {@code access_token} (Oura's revoke). */
        QUERY_ACCESS_TOKEN,
        /** The bearer token of the {@code Authorization} header (WHOOP, Polar, Garmin). */
        BEARER
    }

    /** A request as the token endpoint received it. */
    public record RecordedRequest(String method, Headers headers, String body, String rawQuery) {

        /** A request without a query. */
        public RecordedRequest(String method, Headers headers, String body) {
            this(method, headers, body, null);
        }

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.getFirst(name));
        }

        /** The body decoded as {@code application/x-www-form-urlencoded}; the last value wins for repeated names. */
        public Map<String, String> form() {
            return decode(body);
        }

        /** The query decoded the same way. */
        public Map<String, String> query() {
            return decode(rawQuery);
        }

        /** The bearer token of the {@code Authorization} header. */
        public Optional<String> bearer() {
            return header("Authorization")
                    .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                    .map(value -> value.substring(7));
        }

        private static Map<String, String> decode(String encoded) {
            Map<String, String> form = new LinkedHashMap<>();
            if (encoded == null || encoded.isEmpty()) {
                return form;
            }
            for (String pair : encoded.split("&", -1)) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                form.put(
                        URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
            return form;
        }
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "provider-simulator");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger tokenCalls = new AtomicInteger();
    private final AtomicInteger otherCalls = new AtomicInteger();
    private volatile Answer answer = Answer.json(500, "{\"error\":\"server_error\"}");
    private volatile RecordedRequest lastTokenRequest;
    private final Map<String, Answer> routes = new ConcurrentHashMap<>();
    private final Map<String, List<RecordedRequest>> received = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final List<Consumer<String>> revocationListeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger failingRevocations = new AtomicInteger();
    private volatile boolean hangingRevocations;

    private ProviderSimulator(HttpServer server) {
        this.server = server;
        server.setExecutor(handlers);
        server.createContext(TOKEN_PATH, this::token);
        server.createContext("/", exchange -> {
            otherCalls.incrementAndGet();
            record(exchange);
            Answer route = routes.get(exchange.getRequestURI().getPath());
            if (route == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            respond(exchange, route);
        });
        server.start();
    }

    /** Starts a simulator on 127.0.0.1 with an ephemeral port; until told otherwise it answers 500. */
    public static ProviderSimulator start() {
        return start(0);
    }

    /**
     * Starts a simulator on 127.0.0.1 with the given port (0: an ephemeral one), for a gateway configured with its
     * address in advance, as the acceptance run's is; until told otherwise it answers 500.
     */
    public static ProviderSimulator start(int port) {
        return start(InetAddress.getLoopbackAddress(), port);
    }

    /** The same on a given address: the wildcard address lets a gateway on another host reach it. */
    public static ProviderSimulator start(InetAddress address, int port) {
        try {
            return new ProviderSimulator(HttpServer.create(new InetSocketAddress(address, port), 0));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the provider simulator on port " + port, e);
        }
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public URI tokenUri() {
        return baseUri().resolve(TOKEN_PATH);
    }

    /** Sets how the token endpoint answers from now on. */
    public ProviderSimulator answer(Answer next) {
        this.answer = next;
        return this;
    }

    /**
     * Sets how the given path answers from now on: the token endpoint when it is {@link #TOKEN_PATH}, otherwise any
     * path a provider serves (its own token path, a registration or user-id endpoint). Unrouted paths answer 404.
     */
    public ProviderSimulator answer(String path, Answer next) {
        if (TOKEN_PATH.equals(path)) {
            return answer(next);
        }
        routes.put(path, next);
        return this;
    }

    /**
     * A token endpoint that rotates refresh tokens (answer it with {@link #answer(Answer)}): a refresh with a refresh
     * token it issued and has not seen used is answered with a new access token and a new refresh token ({@code
     * <first>-1}, {@code <first>-2}, ...); the same refresh token a second time, or one it never issued, is refused
     * with {@code invalid_grant}.
     */
    public Answer rotatingRefreshTokens(String first) {
        Set<String> unused = ConcurrentHashMap.newKeySet();
        unused.add(first);
        AtomicInteger issued = new AtomicInteger();
        return exchange -> {
            String sent = recorded(exchange).form().get("refresh_token");
            if (sent == null || revoked.contains(sent) || !unused.remove(sent)) {
                Answer.json(400, "{\"error\":\"invalid_grant\"}").respond(exchange);
                return;
            }
            int n = issued.incrementAndGet();
            String next = first + "-" + n;
            unused.add(next);
            Answer.bearer("access-" + n, next, 3600).respond(exchange);
        };
    }

    /**
     * A provider's revocation endpoint: it takes the token as {@code where} says, answers {@code revokedStatus} (with
     * no body) and remembers the token as revoked; a token it revoked before is answered {@code goneStatus} (RFC 7009
     * servers answer 200 again, WHOOP 401, Polar 404), a request without a token 400. While told to fail, it answers
     * 503 and revokes nothing; while told to hang, it never answers.
     */
    public Answer revocation(TokenIn where, int revokedStatus, int goneStatus) {
        return exchange -> {
            if (hangingRevocations) {
                Answer.hang().respond(exchange);
                return;
            }
            if (failingRevocations.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                Answer.json(503, "{\"error\":\"temporarily_unavailable\"}").respond(exchange);
                return;
            }
            RecordedRequest request = recorded(exchange);
            Optional<String> token = switch (where) {
                case FORM_TOKEN -> Optional.ofNullable(request.form().get("token"));
                case FORM_ACCESS_TOKEN -> Optional.ofNullable(request.form().get("access_token"));
                case QUERY_ACCESS_TOKEN -> Optional.ofNullable(request.query().get("access_token"));
                case BEARER -> request.bearer();
            };
            if (token.isEmpty() || token.get().isEmpty()) {
                Answer.json(400, "{\"error\":\"invalid_request\"}").respond(exchange);
                return;
            }
            if (!revoked.add(token.get())) {
                Answer.empty(goneStatus).respond(exchange);
                return;
            }
            revocationListeners.forEach(listener -> listener.accept(token.get()));
            Answer.empty(revokedStatus).respond(exchange);
        };
    }

    /** The next {@code count} revocation requests answer 503 and revoke nothing. */
    public ProviderSimulator failNextRevocations(int count) {
        failingRevocations.set(count);
        return this;
    }

    /** From now on (until told otherwise) revocation requests never answer. */
    public ProviderSimulator hangRevocations(boolean hang) {
        this.hangingRevocations = hang;
        return this;
    }

    /** Every token revoked so far, by any revocation endpoint of this simulator. */
    public Set<String> revokedTokens() {
        return Set.copyOf(revoked);
    }

    /** Told of each token as it is revoked: e.g. a data simulator's {@code revoke}, so the token stops working there. */
    public ProviderSimulator onRevoked(Consumer<String> listener) {
        revocationListeners.add(listener);
        return this;
    }

    /**
     * The request being answered, as recorded: what an {@link Answer} reads to answer according to the request (a
     * form field, a header), whatever other requests arrive at the same moment.
     */
    public static RecordedRequest recorded(HttpExchange exchange) {
        return RECORDED.get(exchange);
    }

    /** Every request to a path, in order of arrival. */
    public List<RecordedRequest> requests(String path) {
        return List.copyOf(received.getOrDefault(path, List.of()));
    }

    /** Requests that reached the token endpoint. */
    public int tokenCalls() {
        return tokenCalls.get();
    }

    /** Requests to any other path. */
    public int otherCalls() {
        return otherCalls.get();
    }

    public Optional<RecordedRequest> lastTokenRequest() {
        return Optional.ofNullable(lastTokenRequest);
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenCalls.incrementAndGet();
        lastTokenRequest = record(exchange);
        respond(exchange, answer);
    }

    private RecordedRequest record(HttpExchange exchange) throws IOException {
        RecordedRequest request;
        try (InputStream in = exchange.getRequestBody()) {
            request = new RecordedRequest(
                    exchange.getRequestMethod(),
                    copy(exchange.getRequestHeaders()),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestURI().getRawQuery());
        }
        received.computeIfAbsent(exchange.getRequestURI().getPath(), path -> new CopyOnWriteArrayList<>())
                .add(request);
        RECORDED.put(exchange, request);
        return request;
    }

    private static void respond(HttpExchange exchange, Answer answer) {
        try {
            answer.respond(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away (deadline, body cap): that is what the fault tests provoke
        } finally {
            RECORDED.remove(exchange);
            exchange.close();
        }
    }

    private static Headers copy(Headers headers) {
        Headers copy = new Headers();
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            copy.put(header.getKey(), List.copyOf(header.getValue()));
        }
        return copy;
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        try {
            handlers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
