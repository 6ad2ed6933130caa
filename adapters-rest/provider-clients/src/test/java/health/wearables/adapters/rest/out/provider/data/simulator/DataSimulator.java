package health.wearables.adapters.rest.out.provider.data.simulator;

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
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A provider's data API on 127.0.0.1 (an ephemeral port unless given one), serving the provider's documented JSON
 * from records a test (or the acceptance run) puts in, with the provider's own paging, window filters and limits. It
 * records every request, refuses any bearer token it was not told to accept (in the provider's own way), and answers
 * the next requests with a fault when told to: a status, a 429 with {@code Retry-After}, a malformed body, a hang. Plain
 * Java (the JDK's HTTP server, no test framework), so the acceptance tests can drive the same simulators.
 *
 * <p>Each request is handled on its own thread, so a hanging answer does not block the next one; {@link #close()}
 * interrupts whatever still hangs.
 */
public abstract class DataSimulator implements AutoCloseable {
    /** The access token every simulator accepts until told otherwise. */
    public static final String ACCESS_TOKEN = "simulated-access-token";

    /** A request as the simulator received it, and when it arrived. */
    public record Request(
            String method,
            String path,
            Map<String, String> query,
            Map<String, List<String>> headers,
            Map<String, String> form,
            Instant receivedAt) {

        /** A header, by case-insensitive name. */
        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase(name))
                    .flatMap(header -> header.getValue().stream())
                    .findFirst();
        }

        /** The bearer token of the {@code Authorization} header. */
        public Optional<String> bearer() {
            return header("Authorization")
                    .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                    .map(value -> value.substring(7));
        }

        /** The query parameters, or for a form POST the form fields. */
        public Map<String, String> parameters() {
            return "POST".equals(method) ? form : query;
        }
    }

    /** What the simulator sends back: a status and a JSON body. */
    public record Response(int status, String json) {
        public static Response ok(String json) {
            return new Response(200, json);
        }
    }

    /** A request the provider would refuse as malformed (bad parameters, a span over its limit). */
    protected static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public BadRequest(String reason) {
            super(reason, null, false, false);
        }
    }

    /** How the simulator answers a request instead of serving it. */
    @FunctionalInterface
    public interface Fault {
        void respond(HttpExchange exchange) throws IOException, InterruptedException;

        /** Any status with a JSON body. */
        static Fault json(int status, String json) {
            return exchange -> send(exchange, status, json);
        }

        /** A status with a small JSON error body. */
        static Fault status(int status) {
            return json(status, "{\"error\":\"simulated " + status + "\"}");
        }

        /** 429 with the given {@code Retry-After} header (seconds or an HTTP date). */
        static Fault rateLimited(String retryAfter) {
            return exchange -> {
                exchange.getResponseHeaders().set("Retry-After", retryAfter);
                send(exchange, 429, "{\"error\":\"too many requests\"}");
            };
        }

        /** 200 with a body that is cut off in the middle of the JSON. */
        static Fault malformed() {
            return json(200, "{\"data\": [{\"id\": \"cut-off");
        }

        /** Reads the request and never answers (until the simulator is closed). */
        static Fault hang() {
            return exchange -> Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** One page of a list, and the token or offset of the next (empty: the last). */
    protected record Paged<T>(List<T> items, Optional<Integer> nextOffset) {}

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "data-simulator");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final Deque<Fault> revocationFaults = new ArrayDeque<>();
    private final Set<String> revoked = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile Predicate<String> acceptedTokens = Set.of(ACCESS_TOKEN)::contains;
    private volatile int pageSize;
    private volatile boolean loopPaging;

    protected DataSimulator(int port, int defaultPageSize) {
        this(InetAddress.getLoopbackAddress(), port, defaultPageSize);
    }

    /** The same on a given address: the wildcard address, for a gateway on another host (a conformance run). */
    protected DataSimulator(InetAddress address, int port, int defaultPageSize) {
        try {
            this.server = HttpServer.create(new InetSocketAddress(address, port), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the data simulator", e);
        }
        this.pageSize = defaultPageSize;
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The simulator's root, {@code http://127.0.0.1:<port>}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** What the gateway configures as the provider's API base URI (the root, or the root and a path prefix). */
    public URI apiBase() {
        return baseUri();
    }

    /** From now on only these access tokens are accepted. */
    public DataSimulator acceptTokens(String... tokens) {
        this.acceptedTokens = Set.of(tokens)::contains;
        return this;
    }

    /**
     * From now on every access token that passes {@code accepted} is accepted: tokens the test cannot list in advance,
     * such as those an OAuth server issues (and rotates) while the test runs.
     */
    public DataSimulator acceptTokensWhere(Predicate<String> accepted) {
        this.acceptedTokens = java.util.Objects.requireNonNull(accepted);
        return this;
    }

    /** How many records a page holds at most (the provider's own page size, or the client's smaller one). */
    public DataSimulator pageSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a page holds at least one record");
        }
        this.pageSize = size;
        return this;
    }

    /** A broken provider: every page hands out the page token (or offset) it was asked for, forever. */
    public DataSimulator loopPaging(boolean loop) {
        this.loopPaging = loop;
        return this;
    }

    /** The next request is answered with {@code fault} (faults queue up: one per request, in order). */
    public synchronized DataSimulator failNext(Fault fault) {
        faults.addLast(fault);
        return this;
    }

    /**
     * The grant of this access token was revoked (here, or at the provider's OAuth server): from now on the token is
     * refused like one never issued, whatever {@link #acceptTokens} says.
     */
    public DataSimulator revoke(String accessToken) {
        revoked.add(accessToken);
        return this;
    }

    /** Every access token revoked so far. */
    public Set<String> revokedTokens() {
        return Set.copyOf(revoked);
    }

    /** The next {@code count} requests to the provider's revocation endpoint answer 503 (they revoke nothing). */
    public synchronized DataSimulator failNextRevocations(int count) {
        for (int n = 0; n < count; n++) {
            revocationFaults.addLast(Fault.status(503));
        }
        return this;
    }

    /** The next request to the provider's revocation endpoint hangs (until the simulator closes). */
    public synchronized DataSimulator hangNextRevocation() {
        revocationFaults.addLast(Fault.hang());
        return this;
    }

    /** Whether a request is to the provider's revocation endpoint, if its data API has one; by default none. */
    protected boolean isRevocation(Request request) {
        return false;
    }

    /** Every request, in order of arrival. */
    public List<Request> requests() {
        return List.copyOf(received);
    }

    /** Every request to one path, in order of arrival. */
    public List<Request> requests(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    /** Serves a request whose bearer token was accepted. */
    protected abstract Response serve(Request request);

    /** The provider's answer to a token it does not accept: 401 unless the provider says it another way. */
    protected Response unauthorized() {
        return new Response(401, "{\"error\":\"invalid_token\"}");
    }

    /** The provider's answer to a malformed request. */
    protected Response badRequest(String reason) {
        return new Response(400, "{\"error\":\"" + reason.replace("\"", "'") + "\"}");
    }

    /**
     * One page of {@code all} from {@code offset}: at most the page size, and the next offset unless this is the
     * last. When paging loops, the next offset is the one asked for.
     */
    protected <T> Paged<T> page(List<T> all, int offset, int clientLimit) {
        if (offset < 0 || offset > all.size()) {
            throw new BadRequest("offset out of range");
        }
        int size = Math.min(pageSize, clientLimit);
        int end = Math.min(all.size(), offset + size);
        if (loopPaging) {
            return new Paged<>(all.subList(offset, end), Optional.of(offset));
        }
        return new Paged<>(
                List.copyOf(all.subList(offset, end)), end < all.size() ? Optional.of(end) : Optional.empty());
    }

    /** An opaque page token for an offset, as providers hand them out. */
    protected static String token(int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("page:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** The offset of a page token this simulator handed out (0 without one); any other token is a bad request. */
    protected static int offset(Optional<String> token) {
        if (token.isEmpty()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token.get()), StandardCharsets.UTF_8);
            if (decoded.startsWith("page:")) {
                return Integer.parseInt(decoded.substring(5));
            }
        } catch (IllegalArgumentException e) {
            // not ours
        }
        throw new BadRequest("unknown page token");
    }

    /** A JSON array of the given elements. */
    protected static net.minidev.json.JSONArray array(List<?> elements) {
        net.minidev.json.JSONArray array = new net.minidev.json.JSONArray();
        array.addAll(elements);
        return array;
    }

    /** A required parameter. */
    protected static String required(Request request, String name) {
        String value = request.parameters().get(name);
        if (value == null || value.isEmpty()) {
            throw new BadRequest(name + " is required");
        }
        return value;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            Request request = record(exchange);
            Optional<Fault> fault = isRevocation(request) ? nextRevocationFault() : Optional.empty();
            if (fault.isEmpty()) {
                fault = nextFault();
            }
            if (fault.isPresent()) {
                fault.get().respond(exchange);
                return;
            }
            Response response;
            if (request.bearer()
                    .filter(acceptedTokens)
                    .filter(token -> !revoked.contains(token))
                    .isEmpty()) {
                response = unauthorized();
            } else {
                try {
                    response = serve(request);
                } catch (BadRequest e) {
                    response = badRequest(e.getMessage());
                }
            }
            send(exchange, response.status(), response.json());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away (deadline, body cap): what the fault tests provoke
        } finally {
            exchange.close();
        }
    }

    private synchronized Optional<Fault> nextRevocationFault() {
        return Optional.ofNullable(revocationFaults.pollFirst());
    }

    private synchronized Optional<Fault> nextFault() {
        return Optional.ofNullable(faults.pollFirst());
    }

    private Request record(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        Request request = new Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                decode(exchange.getRequestURI().getRawQuery()),
                Map.copyOf(headers),
                decode(body),
                Instant.now());
        received.add(request);
        return request;
    }

    /** {@code application/x-www-form-urlencoded} (also a raw query); the last value wins for repeated names. */
    private static Map<String, String> decode(String encoded) {
        Map<String, String> decoded = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return decoded;
        }
        for (String pair : encoded.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            decoded.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return decoded;
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
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
