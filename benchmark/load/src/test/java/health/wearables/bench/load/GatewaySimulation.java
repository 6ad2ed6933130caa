package health.wearables.bench.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway under load, one step after another, each at 1, 16 and 64 concurrent users (closed model:
 * {@code constantConcurrentUsers(n)} for the step's seconds, after a warm-up of its own at the same concurrency, whose
 * requests are named {@code warm-up …} and left out of the table; before the first, whole flows at 16 users for
 * {@code load.startWarmup} seconds, as long as the floor warms up before its first step):
 *
 * <ul>
 *   <li>{@code connect xN}: {@code POST /v1/wearables/bench/connect} with the project's API key and a new patient, 201
 *       with an authorization URL;
 *   <li>{@code callback xN}: {@code GET /v1/wearables/bench/callback?state=…&code=…}, 200 JSON, with a state minted
 *       beforehand: the states of the connect steps (not timed here) are kept and taken newest first. Should they run
 *       out, a user mints one with a connect named {@code mint (not measured)} before its callback, and the count is
 *       printed;
 *   <li>{@code flow xN}: connect then callback, the group's time being the two requests' together;
 *   <li>{@code backfill xN}, unless {@code load.backfill} is false: a whole flow of the provider {@code benchsync},
 *       whose data API is the stub's Oura-shaped one, then the first sync it queued, polled through {@code GET
 *       /v1/wearables/connections?patientId=} until its {@code syncStatus} is {@code ok} (or {@code failed}, or
 *       {@value LoadTable#BACKFILL_TIMEOUT_SECONDS} s have passed: an error). The polls are a tenth of the time
 *       waited so far apart, at least {@value LoadTable#BACKFILL_POLL_MIN_MILLIS} ms and at most
 *       {@value LoadTable#BACKFILL_POLL_MAX_MILLIS} ms: polls every 500 ms from 64 users were 128 listings a second,
 *       which took the sync workers' processors (measured: 36 of 64 backfills not done in 600 s). Its time is from
 *       the callback sent to the poll that saw the sync done (so up to a tenth late, or half a second for the
 *       quickest); then one {@code GET /fhir/Observation?patient=…&_count=1} reads how many Observations the sync
 *       wrote (not timed). A user's backfill ends before its next one starts, so {@code N} users keep {@code N} syncs
 *       queued or running against the gateway's sync workers. The times, counts and errors go to
 *       {@code load.backfills}. One warm-up at one user comes first, none between (the steps before warmed the rest
 *       of the gateway, and a warm-up at 64 users would be 64 backfills more);
 *   <li>{@code soak flow x16}, only with {@code load.soakSeconds}: whole flows at 16 users for that long, after all the
 *       others (benchmark/load.sh's {@code LOAD_SOAK}: the gateway's memory is sampled during it).
 * </ul>
 *
 * <p>Every step's window (first request sent to last answer read) is written to {@code load.steps}, so throughput is
 * what was completed over the time it took, with the gateway's CPU time over the step (its process, {@code
 * load.gatewayPid}, read from {@code /proc}), the machine's load average at the step's end, and the step's start and
 * end by the clock (to find the step in the gateway's log or a flight recording). Connections to the gateway are pooled
 * and shared by the users (keep-alive, as a platform's backend calls it), so a TCP handshake per request is not what is
 * measured.
 *
 * <p>The API key is read from the environment ({@code BENCH_API_KEY}) and sent only in the {@code Authorization}
 * header; nothing here logs it (logback-test.xml keeps Gatling's HTTP logging at WARN).
 */
public final class GatewaySimulation extends Simulation {
    private static final String BASE_URL = System.getProperty("load.baseUrl", "http://127.0.0.1:9180");
    private static final int SECONDS = Integer.getInteger("load.seconds", 30);
    private static final int WARMUP = Integer.getInteger("load.warmup", 5);
    /** Whole flows before the first step, until the JIT has compiled what the steps run (benchmark/load.sh). */
    private static final int START_WARMUP = Integer.getInteger("load.startWarmup", SECONDS);
    private static final List<Integer> LEVELS = Arrays.stream(
                    System.getProperty("load.levels", "1,16,64").split(","))
            .map(String::trim)
            .map(Integer::valueOf)
            .toList();
    private static final Path STEPS = Path.of(System.getProperty("load.steps", "target/load/steps.tsv"));
    /** After the steps, whole flows at {@link #SOAK_USERS} users for this many seconds (0: no soak). */
    private static final int SOAK_SECONDS = Integer.getInteger("load.soakSeconds", 0);

    static final int SOAK_USERS = 16;
    /** Whether the backfill steps run. */
    private static final boolean BACKFILL = Boolean.parseBoolean(System.getProperty("load.backfill", "true"));

    private static final Path BACKFILLS = Path.of(System.getProperty("load.backfills", "target/load/backfills.tsv"));
    /** The provider whose first sync is the backfill; its data API is the stub's. */
    private static final String SYNC_PROVIDER = "benchsync";

    private static final Set<String> SYNC_ENDED = Set.of("ok", "failed");
    /** The gateway's process, whose CPU time each step reads from {@code /proc} (none: not read). */
    private static final Path GATEWAY_STAT = Path.of("/proc", System.getProperty("load.gatewayPid", "none"), "stat");

    private static final long CLOCK_TICKS = Long.getLong("load.clockTicks", 100);
    private static final String STATE = "state";
    private static final String MINT = "mint (not measured)";
    private static final int START_WARM_UP_USERS = 16;
    private static final Duration SETTLE_POLL = Duration.ofSeconds(2);
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(180);

    private final String apiKey = System.getenv("BENCH_API_KEY");
    private final String runId = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    private final AtomicLong patients = new AtomicLong();
    private final Deque<String> states = new ConcurrentLinkedDeque<>();
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final List<String> order = new ArrayList<>();

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .acceptHeader("application/json")
            .userAgentHeader("wearables-load-benchmark")
            .shareConnections()
            .disableWarmUp()
            .disableCaching();

    public GatewaySimulation() {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalStateException("BENCH_API_KEY is not set: run benchmark/load.sh");
        }
        List<PopulationBuilder> steps = new ArrayList<>();
        steps.add(step("warm-up at start", "flow", START_WARM_UP_USERS, START_WARMUP));
        for (String kind : List.of("connect", "callback", "flow")) {
            for (int users : LEVELS) {
                steps.add(settle(kind + " x" + users));
                steps.add(step("warm-up " + kind + " x" + users, kind, users, WARMUP));
                steps.add(step(kind + " x" + users, kind, users, SECONDS));
            }
        }
        if (BACKFILL) {
            steps.add(settle("backfill x1"));
            steps.add(step("warm-up backfill x1", "backfill", 1, WARMUP));
            for (int users : LEVELS) {
                steps.add(step("backfill x" + users, "backfill", users, SECONDS));
            }
        }
        if (SOAK_SECONDS > 0) {
            steps.add(settle("soak"));
            steps.add(step("soak flow x" + SOAK_USERS, "flow", SOAK_USERS, SOAK_SECONDS));
        }
        PopulationBuilder chain = steps.get(steps.size() - 1);
        for (int each = steps.size() - 2; each >= 0; each--) {
            chain = steps.get(each).andThen(chain);
        }
        setUp(chain).protocols(protocol);
    }

    /** One step: its own scenario (Gatling's names are unique), its requests named after it, its window recorded. */
    private PopulationBuilder step(String name, String kind, int users, int seconds) {
        Window window = new Window(users, order.isEmpty() ? null : windows.get(order.get(order.size() - 1)));
        windows.put(name, window);
        order.add(name);
        ChainBuilder body = switch (kind) {
            case "connect" ->
                connect(name).exec(session -> {
                    if (session.contains(STATE)) {
                        states.addLast(session.getString(STATE));
                    }
                    return session;
                });
            case "callback" ->
                exec(session -> {
                            String state = states.pollLast();
                            return state == null ? session.remove(STATE) : session.set(STATE, state);
                        })
                        .doIf(session -> !session.contains(STATE))
                        .then(exec(session -> {
                                    window.mints.incrementAndGet();
                                    return session;
                                })
                                .exec(connect(MINT))
                                .exitHereIfFailed())
                        .exec(callback(name));
            case "flow" ->
                group(name).on(connect(name + " connect").exitHereIfFailed().exec(callback(name + " callback")));
            case "backfill" -> backfill(name, window);
            default -> throw new IllegalArgumentException(kind);
        };
        return scenario(name)
                .exec(session -> {
                    window.begin();
                    return session;
                })
                .exec(body)
                .exec(session -> {
                    window.end();
                    return session;
                })
                .injectClosed(constantConcurrentUsers(users).during(Duration.ofSeconds(seconds)));
    }

    /**
     * Waits, with one user, until the gateway's audit writer has caught up with the steps before: every connect and
     * callback queues an AuditEvent that one thread writes (QueuedAuditTrail), and a step at 400 requests a second
     * queues them faster than it writes them, so without this the next step would share the two CPUs with the last
     * one's audit writes (seen with JFR: 10-30 % of the gateway's samples in the callback steps). Settled is the
     * project's AuditEvent count ({@code GET /fhir/AuditEvent?_count=1}, its {@code total}) the same two polls
     * {@link #SETTLE_POLL} apart, or {@link #SETTLE_LIMIT} passed. Prints how long it took and how many AuditEvents
     * were written meanwhile: the writes a step left behind it. Its requests are named {@code settle …}, not in the
     * table.
     */
    private PopulationBuilder settle(String before) {
        String name = "settle before " + before;
        return scenario(name)
                .exec(session -> session.set("settled", false)
                        .set("audited", -1L)
                        .set("auditedFirst", -1L)
                        .set("settleFrom", System.nanoTime()))
                .asLongAs(session -> !session.getBoolean("settled")
                        && System.nanoTime() - session.getLong("settleFrom") < SETTLE_LIMIT.toNanos())
                .on(exec(fhirTotal(name, "AuditEvent", "auditCount"))
                        .exec(session -> {
                            if (!session.contains("auditCount")) {
                                return session.set("settled", true); // cannot tell: go on
                            }
                            long count = session.getLong("auditCount");
                            Session next =
                                    session.getLong("auditedFirst") < 0 ? session.set("auditedFirst", count) : session;
                            return count == session.getLong("audited")
                                    ? next.set("settled", true)
                                    : next.set("audited", count).remove("auditCount");
                        })
                        .doIf(session -> !session.getBoolean("settled"))
                        .then(pause(SETTLE_POLL)))
                .exec(session -> {
                    System.out.printf(
                            "settle before %s: %.1f s, %d AuditEvents written meanwhile%s%n",
                            before,
                            (System.nanoTime() - session.getLong("settleFrom")) / 1e9,
                            session.getLong("audited") - session.getLong("auditedFirst"),
                            session.getBoolean("settled") ? "" : " (limit reached)");
                    return session;
                })
                .injectOpen(atOnceUsers(1));
    }

    /** {@code POST /connect} for a new patient; the state is taken from the authorization URL's query. */
    private ChainBuilder connect(String name) {
        return connect(name, "bench");
    }

    private ChainBuilder connect(String name, String provider) {
        return exec(session -> session.set("patient", "load-" + runId + "-" + patients.incrementAndGet()))
                .exec(http(name)
                        .post("/v1/wearables/" + provider + "/connect")
                        .header("Authorization", session -> "Bearer " + apiKey)
                        .body(StringBody("{\"patientId\":\"#{patient}\"}"))
                        .asJson()
                        .check(status().is(201))
                        .check(jsonPath("$.authorizationUrl").saveAs("authorizationUrl"))
                        .check(jsonPath("$.expiresAt").exists()))
                .exec(GatewaySimulation::stateFromAuthorizationUrl);
    }

    /** {@code GET /callback} with the session's state and any code; no redirectUri was given, so 200 JSON. */
    private static ChainBuilder callback(String name) {
        return callback(name, "bench");
    }

    private static ChainBuilder callback(String name, String provider) {
        return exec(http(name)
                .get("/v1/wearables/" + provider + "/callback")
                .queryParam("state", "#{" + STATE + "}")
                .queryParam(
                        "code", session -> "code-" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE))
                .check(status().is(200))
                .check(jsonPath("$.ok").ofBoolean().is(true)));
    }

    /**
     * A whole flow of {@link #SYNC_PROVIDER}, then its first sync polled until it ended; the time from the callback
     * sent to the poll that saw it done, and the Observations it wrote, into the step's window.
     */
    private ChainBuilder backfill(String name, Window window) {
        return connect(name + " connect", SYNC_PROVIDER)
                .exitHereIfFailed()
                .exec(session -> session.set("calledBackAt", System.nanoTime()).set("syncStatus", "never"))
                .exec(callback(name + " callback", SYNC_PROVIDER))
                .doIf(session -> session.isFailed())
                .then(exec(session -> {
                            window.backfillFailed();
                            return session;
                        })
                        .exitHere())
                .asLongAs(session -> !SYNC_ENDED.contains(session.getString("syncStatus"))
                        && System.nanoTime() - session.getLong("calledBackAt")
                                < LoadTable.BACKFILL_TIMEOUT_SECONDS * 1_000_000_000L)
                .on(pause(GatewaySimulation::pollDelay)
                        .exec(http(name + " poll")
                                .get("/v1/wearables/connections")
                                .queryParam("patientId", "#{patient}")
                                .header("Authorization", session -> "Bearer " + apiKey)
                                .check(status().is(200))
                                .check(jsonPath("$[0].syncStatus").saveAs("syncStatus"))))
                .exec(session -> {
                    long took = System.nanoTime() - session.getLong("calledBackAt");
                    if ("ok".equals(session.getString("syncStatus"))) {
                        return session.set("backfillMillis", took / 1_000_000);
                    }
                    window.backfillFailed();
                    return session.remove("backfillMillis");
                })
                .doIf(session -> session.contains("backfillMillis"))
                .then(exec(fhirTotal(name + " count (not measured)", "Observation", "observations")
                                .queryParam("patient", "#{patient}"))
                        .exec(session -> {
                            window.backfilled(
                                    session.getLong("backfillMillis"),
                                    session.contains("observations") ? session.getLong("observations") : -1);
                            return session;
                        }));
    }

    /**
     * {@code GET /fhir/<type>?_count=1} with the project's key: the search's {@code total}, saved as {@code saveAs}.
     */
    private HttpRequestActionBuilder fhirTotal(String name, String type, String saveAs) {
        return http(name)
                .get("/fhir/" + type)
                .queryParam("_count", "1")
                .header("Authorization", session -> "Bearer " + apiKey)
                .header("Accept", "application/fhir+json")
                .check(status().is(200))
                .check(jsonPath("$.total").ofLong().saveAs(saveAs));
    }

    /**
     * A tenth of the time waited since the callback, within [{@link LoadTable#BACKFILL_POLL_MIN_MILLIS}, {@link
     * LoadTable#BACKFILL_POLL_MAX_MILLIS}].
     */
    private static Duration pollDelay(Session session) {
        long waitedMillis = (System.nanoTime() - session.getLong("calledBackAt")) / 1_000_000;
        return Duration.ofMillis(Math.max(
                LoadTable.BACKFILL_POLL_MIN_MILLIS, Math.min(LoadTable.BACKFILL_POLL_MAX_MILLIS, waitedMillis / 10)));
    }

    private static Session stateFromAuthorizationUrl(Session session) {
        if (!session.contains("authorizationUrl")) {
            return session.remove(STATE);
        }
        String query = URI.create(session.getString("authorizationUrl")).getRawQuery();
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("state=")) {
                return session.set(STATE, parameter.substring("state=".length()));
            }
        }
        return session.remove(STATE);
    }

    /** The steps' windows and the mints they needed, for the table ({@link LoadTable}). */
    @Override
    public void after() {
        windows.get(order.get(order.size() - 1)).finish();
        List<String> lines = new ArrayList<>();
        for (String name : order) {
            Window window = windows.get(name);
            lines.add(String.join(
                    "\t",
                    name,
                    Integer.toString(window.users),
                    String.format("%.3f", window.seconds()),
                    Long.toString(window.iterations.get()),
                    Long.toString(window.mints.get()),
                    Long.toString(window.cpuMillis()),
                    window.loadAverage,
                    String.valueOf(window.startedAt),
                    String.valueOf(window.finishedAt)));
        }
        lines.add(String.join(
                "\t", "states left unused", "0", "0", Integer.toString(states.size()), "0", "-1", "-", "-", "-"));
        List<String> backfills = new ArrayList<>();
        for (String name : order) {
            if (name.startsWith("backfill")) {
                backfills.add(windows.get(name).backfillLine(name));
            }
        }
        try {
            Files.createDirectories(STEPS.toAbsolutePath().getParent());
            Files.write(STEPS, lines);
            Files.createDirectories(BACKFILLS.toAbsolutePath().getParent());
            Files.write(BACKFILLS, backfills);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The gateway's CPU time so far (user and system, all its threads) in clock ticks, from {@code /proc/<pid>/stat};
     * -1 when it cannot be read.
     */
    static long gatewayCpuTicks() {
        try {
            String stat = Files.readString(GATEWAY_STAT);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime and stime, fields 14 and 15
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "-";
        }
    }

    /**
     * From the first user's start to the last user's end, how many users ended, and the gateway's CPU time and the
     * machine's load average (1 minute) over the same span.
     */
    private static final class Window {
        private final int users;
        private final AtomicLong first = new AtomicLong(Long.MAX_VALUE);
        private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);
        private final AtomicLong iterations = new AtomicLong();
        private final AtomicLong mints = new AtomicLong();
        private final Window previous;
        private final AtomicLong firstCpu = new AtomicLong(Long.MIN_VALUE);
        private volatile Instant startedAt;
        private volatile Instant finishedAt;
        private volatile long lastCpu = -1;
        private volatile String loadAverage = "-";
        private final Queue<Long> backfillMillis = new ConcurrentLinkedQueue<>();
        private final AtomicLong backfillFailures = new AtomicLong();
        private final AtomicLong observations = new AtomicLong();
        private final AtomicLong uncounted = new AtomicLong();

        /** @param previous the step before, which this one's start finishes (steps run one after another) */
        Window(int users, Window previous) {
            this.users = users;
            this.previous = previous;
        }

        void begin() {
            if (firstCpu.get() == Long.MIN_VALUE && firstCpu.compareAndSet(Long.MIN_VALUE, gatewayCpuTicks())) {
                startedAt = Instant.now();
                if (previous != null) {
                    previous.finish();
                }
            }
            first.accumulateAndGet(System.nanoTime(), Math::min);
        }

        void end() {
            last.accumulateAndGet(System.nanoTime(), Math::max);
            iterations.incrementAndGet();
        }

        /** At the next step's start (or the run's end): the CPU time and the load average then. */
        void finish() {
            finishedAt = Instant.now();
            lastCpu = gatewayCpuTicks();
            loadAverage = loadAverage();
        }

        /** The gateway's CPU time over the step, in milliseconds; -1 when it could not be read. */
        long cpuMillis() {
            long from = firstCpu.get();
            return from < 0 || lastCpu < 0 ? -1 : (lastCpu - from) * 1000 / CLOCK_TICKS;
        }

        double seconds() {
            return first.get() == Long.MAX_VALUE ? 0 : (last.get() - first.get()) / 1e9;
        }

        void backfilled(long millis, long written) {
            backfillMillis.add(millis);
            if (written < 0) {
                uncounted.incrementAndGet();
            } else {
                observations.addAndGet(written);
            }
        }

        void backfillFailed() {
            backfillFailures.incrementAndGet();
        }

        /**
         * Name, users, the window's seconds, backfills done, failed, Observations written (those whose count could
         * not be read: left out, counted after a slash), and the times' p50, p95, p99 and max in ms (nearest rank).
         */
        String backfillLine(String name) {
            long[] sorted =
                    backfillMillis.stream().mapToLong(Long::longValue).sorted().toArray();
            return String.join(
                    "\t",
                    name,
                    Integer.toString(users),
                    String.format("%.3f", seconds()),
                    Integer.toString(sorted.length),
                    Long.toString(backfillFailures.get()),
                    observations.get() + "/" + uncounted.get(),
                    Long.toString(rank(sorted, 0.50)),
                    Long.toString(rank(sorted, 0.95)),
                    Long.toString(rank(sorted, 0.99)),
                    Long.toString(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
        }

        private static long rank(long[] sorted, double quantile) {
            return sorted.length == 0 ? 0 : sorted[(int) Math.max(0, Math.ceil(quantile * sorted.length) - 1)];
        }
    }
}
