package health.wearables.acceptance.steps;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import health.wearables.adapters.rest.out.provider.data.simulator.DataSimulator;
import health.wearables.adapters.rest.out.provider.data.simulator.DexcomSimulator;
import health.wearables.adapters.rest.out.provider.data.simulator.GoogleHealthSimulator;
import health.wearables.adapters.rest.out.provider.data.simulator.OuraSimulator;
import health.wearables.adapters.rest.out.provider.data.simulator.WhoopSimulator;
import health.wearables.adapters.rest.out.provider.data.simulator.WithingsSimulator;
import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The data APIs of the built-in vendors, as the gateway under test was configured to find them: one fixed loopback
 * port, each vendor under {@code /<slug>} ({@code api-base-url} {@code http://127.0.0.1:<port>/<slug>}, and WHOOP's
 * documented {@code /developer} after it). Every patient has her own data at a vendor, so each {@link Vendors.Account}
 * has a data simulator of its own (the providers' simulators of provider-clients' test jar, on ephemeral ports); this
 * front passes each request to the simulator of the account whose access token it carries, or, for a token no account
 * holds, to one that refuses every token (in the vendor's own way). It records each request with the connection it
 * came from, so a scenario can tell which gateway instance sent it.
 */
public final class VendorData {
    private static HttpServer server;
    private static ExecutorService threads;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Map<String, DataSimulator> NOBODY = new ConcurrentHashMap<>();
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final List<Consumer<Received>> WATCHERS = new CopyOnWriteArrayList<>();

    /** A request as the front received it: the vendor, the path below it, the account, and the client's port. */
    record Received(
            String slug, String path, Optional<Vendors.Account> account, String bearer, Instant at, int clientPort) {
        @Override
        public String toString() {
            return slug + " " + path + " at " + at + " from port " + clientPort; // never the token
        }
    }

    @BeforeAll
    public static void start() throws IOException {
        for (String slug : Vendors.SLUGS) {
            NOBODY.put(slug, simulatorOf(slug).acceptTokensWhere(token -> false));
        }
        threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "vendor-data-front");
            thread.setDaemon(true);
            return thread;
        });
        server = HttpServer.create(
                new InetSocketAddress(
                        Settings.simulatorsBindAddress(), Integer.parseInt(Settings.get("vendor-data.port"))),
                0);
        server.setExecutor(threads);
        server.createContext("/", VendorData::pass);
        server.start();
    }

    @AfterAll
    public static void stop() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
        }
        NOBODY.values().forEach(DataSimulator::close);
    }

    /** A fresh data simulator of a vendor, on an ephemeral port. */
    static DataSimulator simulatorOf(String slug) {
        return switch (slug) {
            case "oura" -> OuraSimulator.start();
            case "withings" -> WithingsSimulator.start();
            case "whoop" -> WhoopSimulator.start();
            case "dexcom" -> DexcomSimulator.start();
            case "google-health" -> GoogleHealthSimulator.start();
            default -> throw new IllegalArgumentException("no data simulator for " + slug);
        };
    }

    /** Every request so far. */
    static List<Received> received() {
        return List.copyOf(RECEIVED);
    }

    /** Called with each request as it arrives, before it is passed on (until the run ends). */
    static void watch(Consumer<Received> watcher) {
        WATCHERS.add(watcher);
    }

    static void unwatch(Consumer<Received> watcher) {
        WATCHERS.remove(watcher);
    }

    private static void pass(HttpExchange exchange) throws IOException {
        try (exchange) {
            String rawPath = exchange.getRequestURI().getRawPath();
            int slash = rawPath.indexOf('/', 1);
            String slug = slash < 0 ? rawPath.substring(1) : rawPath.substring(1, slash);
            String below = slash < 0 ? "/" : rawPath.substring(slash);
            DataSimulator nobody = NOBODY.get(slug);
            if (nobody == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String bearer =
                    authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
            Optional<Vendors.Account> account = Vendors.holderOf(bearer).filter(holder -> holder.slug.equals(slug));
            Received received = new Received(
                    slug,
                    below,
                    account,
                    bearer,
                    Instant.now(),
                    exchange.getRemoteAddress().getPort());
            RECEIVED.add(received);
            WATCHERS.forEach(watcher -> watcher.accept(received));
            DataSimulator target = account.map(holder -> holder.data).orElse(nobody);
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String query = exchange.getRequestURI().getRawQuery();
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create(target.baseUri() + below + (query == null ? "" : "?" + query)))
                    .timeout(Duration.ofSeconds(60))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            for (String header : List.of("Authorization", "Content-Type", "Accept")) {
                Optional.ofNullable(exchange.getRequestHeaders().getFirst(header))
                        .ifPresent(value -> request.header(header, value));
            }
            HttpResponse<byte[]> answer;
            try {
                answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException e) {
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            for (String header : List.of("Content-Type", "Retry-After")) {
                answer.headers()
                        .firstValue(header)
                        .ifPresent(value -> exchange.getResponseHeaders().set(header, value));
            }
            byte[] bytes = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            // the gateway went away (its deadline): nothing more to send
        }
    }
}
