package health.wearables.bench.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The provider of the load benchmark, in a JVM of its own, answering at once so that the gateway and the floor are
 * what is measured. JDK {@link HttpServer} on a small fixed pool, with {@code TCP_NODELAY} (set by {@code load.sh}:
 * {@code -Dsun.net.httpserver.nodelay=true}), HTTP/1.1 keep-alive.
 *
 * <ul>
 *   <li>{@code POST /token} answers every request with a valid OAuth 2.0 bearer token response (RFC 6749 §5.1) holding
 *       fresh random tokens, whatever the form says (the code, the client and a PKCE verifier are not checked);
 *   <li>{@code GET /v2/usercollection/{daily_activity,heartrate,sleep,daily_spo2}}: Oura API v2's four collections the
 *       gateway reads (the sync backfill), in Oura's documented shape ({@code {"data": [...], "next_token": ...}}),
 *       for the days or instants the query asks ({@code start_date}/{@code end_date},
 *       {@code start_datetime}/{@code end_datetime}), never past now: a day of activity and of SpO2 and a night of
 *       sleep for each day, and a heart-rate sample every {@code heart-rate seconds} (Oura's own are 5 minutes apart),
 *       {@value #HEART_RATE_PAGE} a page, paged by {@code next_token}. The values vary with the time within plausible
 *       ranges; the same query gets the same answer. The bearer token is not checked.
 * </ul>
 *
 * <p>At the end (SIGTERM) it writes how many token requests it answered and how long its token handler took (from the
 * request's headers read to the answer written: mean, p50, p99, max, in microseconds), and how many data pages and
 * records it served, to the file given, so the run shows that the stub is not what is slow and how much data a
 * backfill moved. It never writes a token.
 *
 * <p>Arguments: port, statistics file, threads (default 4), heart-rate seconds (default 300). Runs from its source file
 * too ({@code java ProviderStub.java …}): it needs nothing but the JDK.
 */
public final class ProviderStub {
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    static final int HEART_RATE_PAGE = 1000;
    private static final DateTimeFormatter OURA_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    /** Token handler times by whole microsecond, up to 100 ms (longer ones in the last slot). */
    private final AtomicLongArray micros = new AtomicLongArray(100_001);

    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong handlerNanos = new AtomicLong();
    private final AtomicLong slowestNanos = new AtomicLong();
    private final AtomicLong dataPages = new AtomicLong();
    private final AtomicLong dataRecords = new AtomicLong();
    private final AtomicLong dataNanos = new AtomicLong();
    private final long heartRateSeconds;

    private ProviderStub(long heartRateSeconds) {
        this.heartRateSeconds = heartRateSeconds;
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        Path statistics = Path.of(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        long heartRateSeconds = args.length > 3 ? Long.parseLong(args[3]) : 300;
        ProviderStub stub = new ProviderStub(heartRateSeconds);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        server.setExecutor(pool);
        server.createContext("/token", stub::token);
        server.createContext("/v2/usercollection/", stub::data);
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
        System.out.println("provider stub listening on 127.0.0.1:" + port + " with " + threads
                + " threads, a heart-rate sample every " + heartRateSeconds + " s");
    }

    private void token(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            send(
                    exchange,
                    200,
                    "{\"access_token\":\"" + token() + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                            + "\"refresh_token\":\"" + token() + "\",\"scope\":\"activity heartrate\"}");
        } finally {
            long took = System.nanoTime() - started;
            answered.incrementAndGet();
            handlerNanos.addAndGet(took);
            slowestNanos.accumulateAndGet(took, Math::max);
            micros.incrementAndGet((int) Math.min(took / 1000, micros.length() - 1));
        }
    }

    private void data(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String collection = exchange.getRequestURI().getPath().substring("/v2/usercollection/".length());
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            Records records = new Records();
            try {
                Instant now = Instant.now();
                switch (collection) {
                    case "heartrate" -> heartRate(query, now, records);
                    case "daily_activity", "sleep", "daily_spo2" -> days(collection, query, now, records);
                    default -> {
                        send(exchange, 404, "{\"detail\":\"Not Found\"}");
                        return;
                    }
                }
            } catch (RuntimeException e) {
                send(exchange, 400, "{\"detail\":\"a query this stub cannot read\"}");
                return;
            }
            dataPages.incrementAndGet();
            dataRecords.addAndGet(records.count);
            send(exchange, 200, "{\"data\":" + records.data + ",\"next_token\":" + records.next + "}");
        } finally {
            dataNanos.addAndGet(System.nanoTime() - started);
        }
    }

    /** One page's records, how many, and the next page's token (JSON: a string, or null). */
    private static final class Records {
        private final StringJoiner data = new StringJoiner(",", "[", "]");
        private int count;
        private String next = "null";

        void add(String json) {
            data.add(json);
            count++;
        }
    }

    /** Oura's form of an instant: {@code 2026-11-20T06:30:00+00:00}. */
    private static String oura(Instant instant) {
        return OURA_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** Samples every {@link #heartRateSeconds} in [start, end) and not after now; the token is the next offset. */
    private void heartRate(Map<String, String> query, Instant now, Records records) {
        Instant from = OffsetDateTime.parse(query.get("start_datetime")).toInstant();
        Instant to = OffsetDateTime.parse(query.get("end_datetime")).toInstant();
        if (to.isAfter(now)) {
            to = now;
        }
        long first = Math.floorDiv(from.getEpochSecond() + heartRateSeconds - 1, heartRateSeconds);
        long offset = query.containsKey("next_token") ? Long.parseLong(query.get("next_token")) : 0;
        long at = first + offset;
        int written = 0;
        for (; at * heartRateSeconds < to.getEpochSecond() && written < HEART_RATE_PAGE; at++, written++) {
            Instant instant = Instant.ofEpochSecond(at * heartRateSeconds);
            records.add("{\"bpm\":" + (55 + Math.floorMod(at * 7, 40)) + ",\"source\":\"awake\",\"timestamp\":\""
                    + oura(instant) + "\"}");
        }
        if (at * heartRateSeconds < to.getEpochSecond()) {
            records.next = "\"" + (offset + written) + "\"";
        }
    }

    /** One record for each day in [start_date, end_date] up to today; a night's sleep ends that day at 06:30. */
    private static void days(String collection, Map<String, String> query, Instant now, Records records) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate last = LocalDate.parse(query.get("end_date"));
        if (last.isAfter(today)) {
            last = today;
        }
        for (LocalDate day = LocalDate.parse(query.get("start_date")); !day.isAfter(last); day = day.plusDays(1)) {
            long n = day.toEpochDay();
            Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            switch (collection) {
                case "daily_activity" -> {
                    if (dayStart.plus(4, ChronoUnit.HOURS).isBefore(now)) {
                        records.add("{\"id\":\"act-" + n + "\",\"day\":\"" + day + "\",\"timestamp\":\""
                                + oura(dayStart.plus(4, ChronoUnit.HOURS)) + "\",\"steps\":"
                                + (4000 + Math.floorMod(n * 977, 8000)) + ",\"active_calories\":"
                                + (200 + Math.floorMod(n * 131, 500)) + "}");
                    }
                }
                case "sleep" -> {
                    Instant end = dayStart.plus(Duration.ofMinutes(390));
                    if (end.isBefore(now)) {
                        long total = 21_600 + Math.floorMod(n * 613, 7200);
                        records.add("{\"id\":\"sleep-" + n + "\",\"day\":\"" + day + "\",\"type\":\"long_sleep\","
                                + "\"bedtime_start\":\""
                                + oura(end.minusSeconds(total + 1800))
                                + "\",\"bedtime_end\":\"" + oura(end) + "\","
                                + "\"total_sleep_duration\":" + total + ",\"deep_sleep_duration\":" + total / 5
                                + ",\"light_sleep_duration\":" + total / 2 + ",\"rem_sleep_duration\":"
                                + (total - total / 5 - total / 2) + ",\"average_hrv\":" + (30 + Math.floorMod(n, 40))
                                + ",\"lowest_heart_rate\":" + (45 + Math.floorMod(n, 15)) + "}");
                    }
                }
                default -> {
                    if (dayStart.isBefore(now)) {
                        records.add("{\"id\":\"spo2-" + n + "\",\"day\":\"" + day + "\",\"spo2_percentage\":"
                                + "{\"average\":" + (95 + Math.floorMod(n, 4)) + ".5}}");
                    }
                }
            }
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(
                            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
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
        long pages = dataPages.get();
        String line = String.format(
                "%d token requests answered; handler mean %.0f us, p50 %d us, p99 %d us, max %.0f us; "
                        + "%d data pages with %d records served, handler mean %.0f us%n",
                count,
                count == 0 ? 0.0 : handlerNanos.get() / 1000.0 / count,
                percentile(0.50),
                percentile(0.99),
                slowestNanos.get() / 1000.0,
                pages,
                dataRecords.get(),
                pages == 0 ? 0.0 : dataNanos.get() / 1000.0 / pages);
        try {
            Files.writeString(file, line);
        } catch (IOException e) {
            System.err.println(
                    "provider stub: statistics not written (" + e.getClass().getSimpleName() + ")");
        }
    }
}
