package health.wearables.bench.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The provider's token endpoint for the load benchmark, in a JVM of its own: {@code POST /token} answers every request
 * with a valid OAuth 2.0 bearer token response (RFC 6749 §5.1) holding fresh random tokens, whatever the form says (the
 * code, the client and a PKCE verifier are not checked), so that the gateway and the floor are what is measured. JDK
 * {@link HttpServer} on a small fixed pool, with {@code TCP_NODELAY} (set by {@code load.sh}:
 * {@code -Dsun.net.httpserver.nodelay=true}), HTTP/1.1 keep-alive.
 *
 * <p>At the end (SIGTERM) it writes how many token requests it answered and how long its handler took (from the
 * request's headers read to the answer written: mean, p50, p99, max, in microseconds) to the file given, so the run
 * shows that the stub is not what is slow. It never writes a token.
 *
 * <p>Arguments: port, statistics file, threads (default 4).
 */
public final class TokenStub {
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    /** Handler times by whole microsecond, up to 100 ms (longer ones in the last slot). */
    private final AtomicLongArray micros = new AtomicLongArray(100_001);

    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong handlerNanos = new AtomicLong();
    private final AtomicLong slowestNanos = new AtomicLong();

    private TokenStub() {}

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        Path statistics = Path.of(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        TokenStub stub = new TokenStub();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        server.setExecutor(pool);
        server.createContext("/token", stub::token);
        server.createContext("/authorize", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            pool.shutdownNow();
            stub.writeStatistics(statistics);
        }));
        server.start();
        System.out.println("token stub listening on 127.0.0.1:" + port + " with " + threads + " threads");
    }

    private void token(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = ("{\"access_token\":\"" + token() + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                            + "\"refresh_token\":\"" + token() + "\",\"scope\":\"activity heartrate\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } finally {
            long took = System.nanoTime() - started;
            answered.incrementAndGet();
            handlerNanos.addAndGet(took);
            slowestNanos.accumulateAndGet(took, Math::max);
            micros.incrementAndGet((int) Math.min(took / 1000, micros.length() - 1));
        }
    }

    private String token() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return URL.encodeToString(bytes);
    }

    private long percentile(double quantile) {
        long total = 0;
        for (int each = 0; each < micros.length(); each++) {
            total += micros.get(each);
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int each = 0; each < micros.length(); each++) {
            seen += micros.get(each);
            if (seen >= rank && seen > 0) {
                return each;
            }
        }
        return 0;
    }

    private void writeStatistics(Path file) {
        long count = answered.get();
        String line = String.format(
                "%d token requests answered; handler mean %.0f us, p50 %d us, p99 %d us, max %.0f us%n",
                count,
                count == 0 ? 0.0 : handlerNanos.get() / 1000.0 / count,
                percentile(0.50),
                percentile(0.99),
                slowestNanos.get() / 1000.0);
        try {
            Files.writeString(file, line);
        } catch (IOException e) {
            System.err.println(
                    "token stub: statistics not written (" + e.getClass().getSimpleName() + ")");
        }
    }
}
