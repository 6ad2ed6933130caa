package health.wearables.bench.load;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one table of a load run: each scenario and the floor at each concurrency, with throughput, p50/p95/p99, errors
 * and, for the callback, the ratio gateway ÷ floor of throughput and of p99; then the targets, each PASS or
 * MISS (a MISS fails nothing), and the notes that say how to read the figures.
 *
 * <p>Inputs: the floor's results ({@link Floor}), the steps' windows ({@code GatewaySimulation}), Gatling's
 * {@code js/stats.js} of the run (its counts and percentiles, whole milliseconds), the stub's statistics, the gateway's
 * {@code /metrics} after the run, its log lines of the run and, when the run had them, the backfill steps' results
 * ({@code GatewaySimulation}'s {@code load.backfills}) and the floor measured again after the gateway's steps. Throughput
 * is requests completed over the step's window. With the floor measured twice, the ratios are against the mean of
 * the two measurements, and the targets show the ratio against each too: the floor is one more JVM on a shared machine,
 * and its figure alone moved by up to 68 % between two runs.
 */
public final class LoadTable {
    private static final List<String> SCENARIOS = List.of("connect", "callback", "flow");
    private static final double THROUGHPUT_TARGET = 0.85;
    private static final double P99_TARGET = 1.5;
    private static final int THROUGHPUT_TARGET_USERS = 16;
    private static final int ERRORS_TARGET_USERS = 64;
    /** The floor measured again after the gateway's steps ({@code load.sh}). */
    static final String AGAIN = "floor again";
    /**
     * The backfill's polls ({@code GatewaySimulation}): a tenth of the time waited apart, within these bounds; a sync
     * not done within the limit is an error. Here so that the table's note and the simulation say the same.
     */
    static final long BACKFILL_POLL_MIN_MILLIS = 500;

    static final long BACKFILL_POLL_MAX_MILLIS = 5000;
    static final long BACKFILL_TIMEOUT_SECONDS = 1800;

    private LoadTable() {}

    public static void main(String[] args) throws IOException {
        Map<String, FloorRow> floor = readFloor(Path.of(args[0]));
        // The floor measured again after the gateway's steps (load.sh), if it was: its rows are named "floor again"
        Map<String, FloorRow> again =
                args.length > 7 && Files.exists(Path.of(args[7])) ? readFloor(Path.of(args[7]), AGAIN) : Map.of();
        floor.putAll(again);
        Map<String, Window> windows = readWindows(Path.of(args[1]));
        Map<String, JsonNode> gatling = readGatling(Path.of(args[2]));
        String stub = readOr(Path.of(args[3]), "no statistics written").trim();
        String metrics = readOr(Path.of(args[4]), "");
        List<String> gatewayLog = Files.exists(Path.of(args[5]))
                ? Files.readAllLines(Path.of(args[5]), StandardCharsets.UTF_8)
                : List.of();

        List<Integer> levels =
                floor.values().stream().map(FloorRow::users).distinct().sorted().toList();
        Map<String, Row> gateway = new LinkedHashMap<>();
        for (String scenario : SCENARIOS) {
            for (int users : levels) {
                String name = scenario + " x" + users;
                JsonNode stats = gatling.get(name);
                Window window = windows.get(name);
                if (stats == null || window == null) {
                    throw new IllegalStateException("no Gatling figures for step '" + name + "'");
                }
                long total = number(stats, "numberOfRequests");
                long ko =
                        Long.parseLong(stats.path("numberOfRequests").path("ko").asText("0"));
                gateway.put(
                        name,
                        new Row(
                                scenario,
                                users,
                                total / window.seconds(),
                                number(stats, "percentiles1"),
                                number(stats, "percentiles3"),
                                number(stats, "percentiles4"),
                                ko,
                                window.cpuMillis() < 0 ? Double.NaN : window.cpuMillis() / Math.max(1.0, total),
                                window.load()));
            }
        }

        String header = String.format(
                "%-20s %5s %8s %8s %8s %8s %6s %7s %5s %13s %11s",
                "scenario",
                "users",
                "req/s",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "errors",
                "cpu ms",
                "load",
                "÷floor req/s",
                "÷floor p99");
        System.out.println(header);
        System.out.println("-".repeat(header.length()));
        for (Row row : gateway.values()) {
            String ratios = "";
            if (row.scenario().equals("callback")) {
                Reference under = reference(floor, row.users());
                ratios = String.format(" %13.2f %11.2f", row.perSecond() / under.perSecond(), row.p99() / under.p99());
            }
            System.out.printf(
                    "%-20s %5d %8.1f %8.0f %8.0f %8.0f %6d %7.2f %5s%s%n",
                    row.scenario(),
                    row.users(),
                    row.perSecond(),
                    row.p50(),
                    row.p95(),
                    row.p99(),
                    row.errors(),
                    row.cpuPerRequest(),
                    row.load(),
                    ratios);
        }
        for (FloorRow row : floor.values()) {
            System.out.printf(
                    "%-20s %5d %8.1f %8.2f %8.2f %8.2f %6d %7.2f %5s%n",
                    row.variant(),
                    row.users(),
                    row.perSecond(),
                    row.p50(),
                    row.p95(),
                    row.p99(),
                    row.errors(),
                    row.cpuPerRequest(),
                    row.load());
        }
        System.out.println("-".repeat(header.length()));
        List<String> backfills = args.length > 6 && Files.exists(Path.of(args[6]))
                ? Files.readAllLines(Path.of(args[6]), StandardCharsets.UTF_8)
                : List.of();
        if (!backfills.isEmpty()) {
            backfillTable(backfills);
        }

        Row callbackAt = gateway.get("callback x" + THROUGHPUT_TARGET_USERS);
        if (callbackAt != null && floor.containsKey(Floor.BASIC + " x" + THROUGHPUT_TARGET_USERS)) {
            Reference under = reference(floor, THROUGHPUT_TARGET_USERS);
            double ratio = callbackAt.perSecond() / under.perSecond();
            target(
                    String.format(
                            "callback throughput at %d users >= %.2f x floor",
                            THROUGHPUT_TARGET_USERS, THROUGHPUT_TARGET),
                    String.format("%.2f x", ratio) + under.each(callbackAt.perSecond(), FloorRow::perSecond),
                    ratio >= THROUGHPUT_TARGET);
        }
        for (int users : levels) {
            Row callback = gateway.get("callback x" + users);
            Reference under = reference(floor, users);
            double ratio = callback.p99() / under.p99();
            target(
                    String.format("callback p99 at %d users <= %.1f x floor's", users, P99_TARGET),
                    String.format("%.2f x", ratio) + under.each(callback.p99(), FloorRow::p99),
                    ratio <= P99_TARGET);
        }
        if (levels.contains(ERRORS_TARGET_USERS)) {
            List<String> counts = new ArrayList<>();
            long errors = 0;
            for (String scenario : SCENARIOS) {
                long these = gateway.get(scenario + " x" + ERRORS_TARGET_USERS).errors();
                counts.add(scenario + " " + these);
                errors += these;
            }
            target(String.format("0 errors at %d users", ERRORS_TARGET_USERS), String.join(", ", counts), errors == 0);
        }

        System.out.println();
        System.out.println("notes");
        System.out.println(
                "  gateway: Gatling's times, whole milliseconds, each request from sent to answer read; flow = "
                        + "connect + callback of one user (req/s = flows/s); req/s = requests completed / the "
                        + "step's window");
        System.out.println(
                "  cpu ms: CPU time per request (per flow, per floor operation) of the gateway's JVM or the floor's "
                        + "JVM over the step, all their threads, not PostgreSQL's, Redis's or the stub's; load: the "
                        + "machine's 1-minute load average at the step's end ("
                        + Runtime.getRuntime().availableProcessors()
                        + " processors)");
        System.out.println("  floor: exact times of one callback's I/O made directly with the gateway's adapters; "
                + "mean ms per part:");
        for (FloorRow row : floor.values()) {
            System.out.printf(
                    "    %-20s x%-3d %s%s%s%n",
                    row.variant(),
                    row.users(),
                    row.parts(),
                    row.refills() > 0 ? "; states put during the step: " + row.refills() : "",
                    row.errorKinds().equals("{}") ? "" : "; errors " + row.errorKinds());
        }
        long mints = windows.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("callback"))
                .mapToLong(entry -> entry.getValue().mints())
                .sum();
        System.out.printf(
                "  callback states: minted by the connect steps; extra connects needed (not measured): %d; "
                        + "left unused: %d%n",
                mints,
                Optional.ofNullable(windows.get("states left unused"))
                        .map(Window::iterations)
                        .orElse(0L));
        if (!backfills.isEmpty()) {
            System.out.printf(
                    "  sync backfill: from the callback sent to the poll that saw its first sync ok (polls a tenth of "
                            + "the time waited apart, %.1f to %.1f s), so up to a tenth late; a user's next backfill "
                            + "starts when its last ended; errors: callbacks refused, syncs failed or not done in "
                            + "%,d s; observations: what the FHIR store holds for the step's patients afterwards%n",
                    BACKFILL_POLL_MIN_MILLIS / 1000.0, BACKFILL_POLL_MAX_MILLIS / 1000.0, BACKFILL_TIMEOUT_SECONDS);
        }
        System.out.println("  provider stub: " + stub);
        exchangeTimes(metrics).ifPresent(line -> System.out.println("  gateway token exchange (/metrics): " + line));
        System.out.println("  gateway log during the run: " + logSummary(gatewayLog));
    }

    /** The backfill steps: backfills and Observations per second over each step's window, the times, the errors. */
    private static void backfillTable(List<String> lines) {
        String header = String.format(
                "%-20s %5s %11s %8s %8s %8s %8s %6s %12s %8s",
                "sync backfill",
                "users",
                "backfills/s",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "max ms",
                "errors",
                "observations",
                "obs/s");
        System.out.println(header);
        System.out.println("-".repeat(header.length()));
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            double seconds = Double.parseDouble(f[2]);
            long done = Long.parseLong(f[3]);
            String[] written = f[5].split("/");
            long observations = Long.parseLong(written[0]);
            System.out.printf(
                    "%-20s %5s %11.2f %8s %8s %8s %8s %6s %12s %8.0f%n",
                    f[0],
                    f[1],
                    seconds == 0 ? 0 : done / seconds,
                    f[6],
                    f[7],
                    f[8],
                    f[9],
                    f[4],
                    observations + (written[1].equals("0") ? "" : " (+" + written[1] + " uncounted)"),
                    seconds == 0 ? 0 : observations / seconds);
        }
        System.out.println("-".repeat(header.length()));
    }

    private static void target(String what, String measured, boolean met) {
        System.out.printf("target  %-50s %-40s %s%n", what, measured, met ? "PASS" : "MISS");
    }

    /** The mean of {@code wearables_token_exchange_seconds} per result, from the Prometheus text. */
    private static Optional<String> exchangeTimes(String metrics) {
        Pattern sample = Pattern.compile(
                "^wearables_token_exchange_seconds_(count|sum)\\{([^}]*)\\}\\s+([0-9.eE+-]+)", Pattern.MULTILINE);
        Map<String, double[]> byResult = new TreeMap<>();
        Matcher matcher = sample.matcher(metrics);
        while (matcher.find()) {
            Matcher result = Pattern.compile("result=\"([^\"]*)\"").matcher(matcher.group(2));
            String key = result.find() ? result.group(1) : "?";
            double[] countSum = byResult.computeIfAbsent(key, k -> new double[2]);
            countSum[matcher.group(1).equals("count") ? 0 : 1] += Double.parseDouble(matcher.group(3));
        }
        if (byResult.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        byResult.forEach((result, countSum) -> parts.add(String.format(
                "%s %.0f, mean %.2f ms",
                result, countSum[0], countSum[0] == 0 ? 0 : 1000 * countSum[1] / countSum[0])));
        return Optional.of(String.join("; ", parts));
    }

    /** Liberty's messages.log: how many warnings and errors, and which message ids or loggers, never the text. */
    private static String logSummary(List<String> lines) {
        Pattern entry = Pattern.compile("^\\[[^]]+\\] \\S+ (\\S+)\\s+([WE]) (\\S+)");
        Map<String, Integer> counts = new TreeMap<>();
        int warnings = 0;
        int errors = 0;
        for (String line : lines) {
            Matcher matcher = entry.matcher(line);
            if (matcher.find()) {
                if (matcher.group(2).equals("W")) {
                    warnings++;
                } else {
                    errors++;
                }
                String id = matcher.group(3).matches("[A-Z]{4,5}\\d{4}[EWI]:") ? matcher.group(3) : matcher.group(1);
                counts.merge(matcher.group(2) + " " + id, 1, Integer::sum);
            }
        }
        return warnings + " warnings, " + errors + " errors" + (counts.isEmpty() ? "" : " " + counts);
    }

    private static long number(JsonNode stats, String field) {
        return Long.parseLong(stats.path(field).path("total").asText("0"));
    }

    /** Gatling's {@code js/stats.js}: the object after {@code var stats =}, JSON with unquoted field names. */
    private static Map<String, JsonNode> readGatling(Path statsJs) throws IOException {
        String script = Files.readString(statsJs, StandardCharsets.UTF_8);
        int start = script.indexOf('{', script.indexOf("var stats"));
        int depth = 0;
        int end = start;
        for (; end < script.length(); end++) {
            char c = script.charAt(end);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                break;
            }
        }
        JsonMapper mapper = JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
                .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
                .build();
        Map<String, JsonNode> byName = new HashMap<>();
        collect(mapper.readTree(script.substring(start, end + 1)), byName);
        return byName;
    }

    private static void collect(JsonNode node, Map<String, JsonNode> byName) {
        byName.put(node.path("name").asText(), node.path("stats"));
        node.path("contents").forEach(child -> collect(child, byName));
    }

    private static Map<String, FloorRow> readFloor(Path file) throws IOException {
        return readFloor(file, null);
    }

    /** The floor's rows, named as Floor wrote them, or all named {@code name} when it is not null. */
    private static Map<String, FloorRow> readFloor(Path file, String name) throws IOException {
        Map<String, FloorRow> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            int users = Integer.parseInt(f[1]);
            String variant = name == null ? f[0] : name;
            rows.put(
                    variant + " x" + users,
                    new FloorRow(
                            variant,
                            users,
                            Long.parseLong(f[2]) / Double.parseDouble(f[4]),
                            Double.parseDouble(f[5]),
                            Double.parseDouble(f[6]),
                            Double.parseDouble(f[7]),
                            Long.parseLong(f[3]),
                            Long.parseLong(f[8]),
                            f[9],
                            f[10],
                            Long.parseLong(f[11]) / Math.max(1.0, Long.parseLong(f[2])),
                            f[12]));
        }
        return rows;
    }

    private static Map<String, Window> readWindows(Path file) throws IOException {
        Map<String, Window> windows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            windows.put(
                    f[0],
                    new Window(
                            Double.parseDouble(f[2]),
                            Long.parseLong(f[3]),
                            Long.parseLong(f[4]),
                            Long.parseLong(f[5]),
                            f[6]));
        }
        return windows;
    }

    private static String readOr(Path file, String otherwise) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : otherwise;
    }

    private record Row(
            String scenario,
            int users,
            double perSecond,
            double p50,
            double p95,
            double p99,
            long errors,
            double cpuPerRequest,
            String load) {}

    private record FloorRow(
            String variant,
            int users,
            double perSecond,
            double p50,
            double p95,
            double p99,
            long errors,
            long refills,
            String errorKinds,
            String parts,
            double cpuPerRequest,
            String load) {}

    /**
     * What the callback is compared with at one concurrency: the floor's basic variant, or, when it was measured
     * again after the gateway's steps, the mean of the two measurements (throughput and p99 each).
     */
    private record Reference(FloorRow before, Optional<FloorRow> after) {
        double perSecond() {
            return after.map(a -> (before.perSecond() + a.perSecond()) / 2).orElse(before.perSecond());
        }

        double p99() {
            return after.map(a -> (before.p99() + a.p99()) / 2).orElse(before.p99());
        }

        /** The ratio against each measurement, e.g. " (0.75 x before, 0.46 x after)", or "" with one. */
        String each(double gateway, java.util.function.ToDoubleFunction<FloorRow> figure) {
            return after.map(a -> String.format(
                            " (%.2f x before, %.2f x after)",
                            gateway / figure.applyAsDouble(before), gateway / figure.applyAsDouble(a)))
                    .orElse("");
        }
    }

    private static Reference reference(Map<String, FloorRow> floor, int users) {
        return new Reference(
                floor.get(Floor.BASIC + " x" + users), Optional.ofNullable(floor.get(AGAIN + " x" + users)));
    }

    private record Window(double seconds, long iterations, long mints, long cpuMillis, String load) {}
}
