package health.wearables.adapters.rest.out.provider.data.simulator;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.minidev.json.JSONObject;

/**
 * The Google Health API's data points, modelled on Google's published client libraries (the REST reference is thin):
 * {@code GET /v4beta/users/me/dataTypes/{steps|heart-rate|weight}/dataPoints} with an AIP-160 {@code filter}
 * ({@code <type>.interval.start_time} for interval types, {@code <type>.sample_time.physical_time} for sample types,
 * underscores in the type's name; anything else is 400 {@code INVALID_DATA_POINT_FILTER}), {@code pageSize} (at most
 * 10,000) and {@code pageToken}; the answer {@code {"dataPoints": [...], "nextPageToken": "..."}} with an empty list
 * left out and 64-bit integers written as strings, as proto3's JSON mapping does. Weight points carry a resource
 * {@code name}; steps and heart rate, not identifiable, do not.
 */
public final class GoogleHealthSimulator extends DataSimulator {
    public static final String STEPS = "/v4beta/users/me/dataTypes/steps/dataPoints";
    public static final String HEART_RATE = "/v4beta/users/me/dataTypes/heart-rate/dataPoints";
    public static final String WEIGHT = "/v4beta/users/me/dataTypes/weight/dataPoints";
    public static final int MAX_PAGE_SIZE = 10_000;

    private static final Pattern FILTER =
            Pattern.compile("([a-z_]+\\.[a-z_.]+) >= \"([^\"]+)\" AND \\1 < \"([^\"]+)\"");
    private static final Map<String, String> FILTER_FIELDS = Map.of(
            STEPS, "steps.interval.start_time",
            HEART_RATE, "heart_rate.sample_time.physical_time",
            WEIGHT, "weight.sample_time.physical_time");

    /** A stored point: when it starts (what the filter compares) and its JSON. */
    private record Point(Instant start, JSONObject json) {}

    private final Map<String, List<Point>> points = new ConcurrentHashMap<>();

    private GoogleHealthSimulator(int port) {
        super(port, 1440);
    }

    public static GoogleHealthSimulator start() {
        return new GoogleHealthSimulator(0);
    }

    public static GoogleHealthSimulator start(int port) {
        return new GoogleHealthSimulator(port);
    }

    /** Steps counted over an interval (the API stores them per minute). */
    public GoogleHealthSimulator steps(Instant start, Instant end, long count) {
        JSONObject interval = new JSONObject();
        interval.put("startTime", start.toString());
        interval.put("startUtcOffset", "3600s");
        interval.put("endTime", end.toString());
        interval.put("endUtcOffset", "3600s");
        JSONObject steps = new JSONObject();
        steps.put("interval", interval);
        steps.put("count", Long.toString(count));
        return add(STEPS, start, null, "steps", steps);
    }

    /** A heart-rate sample. */
    public GoogleHealthSimulator heartRate(Instant at, long beatsPerMinute) {
        JSONObject heartRate = new JSONObject();
        heartRate.put("sampleTime", sampleTime(at));
        heartRate.put("beatsPerMinute", Long.toString(beatsPerMinute));
        return add(HEART_RATE, at, null, "heartRate", heartRate);
    }

    /** A weight measurement, identifiable by its data point id. */
    public GoogleHealthSimulator weight(String dataPointId, Instant at, double grams) {
        JSONObject weight = new JSONObject();
        weight.put("sampleTime", sampleTime(at));
        weight.put("weightGrams", grams);
        return add(WEIGHT, at, "users/me/dataTypes/weight/dataPoints/" + dataPointId, "weight", weight);
    }

    private GoogleHealthSimulator add(String path, Instant start, String name, String member, JSONObject value) {
        JSONObject point = new JSONObject();
        if (name != null) {
            point.put("name", name);
        }
        JSONObject source = new JSONObject();
        source.put("recordingMethod", "PASSIVELY_MEASURED");
        JSONObject device = new JSONObject();
        device.put("manufacturer", "Google");
        device.put("displayName", "Pixel Watch 4");
        source.put("device", device);
        point.put("dataSource", source);
        point.put(member, value);
        points.computeIfAbsent(path, any -> new CopyOnWriteArrayList<>()).add(new Point(start, point));
        return this;
    }

    @Override
    protected Response unauthorized() {
        return new Response(401, error(401, "Request had invalid authentication credentials.", "UNAUTHENTICATED"));
    }

    @Override
    protected Response badRequest(String reason) {
        return new Response(400, error(400, reason, "INVALID_ARGUMENT"));
    }

    @Override
    protected Response serve(Request request) {
        String field = FILTER_FIELDS.get(request.path());
        if (field == null || !"GET".equals(request.method())) {
            return new Response(404, error(404, "Not found", "NOT_FOUND"));
        }
        Matcher filter = FILTER.matcher(required(request, "filter"));
        if (!filter.matches() || !filter.group(1).equals(field)) {
            throw new BadRequest("INVALID_DATA_POINT_FILTER");
        }
        Instant from = instant(filter.group(2));
        Instant to = instant(filter.group(3));
        int pageSize = Optional.ofNullable(request.query().get("pageSize"))
                .map(GoogleHealthSimulator::number)
                .orElse(1440);
        if (pageSize < 1) {
            throw new BadRequest("pageSize must be positive");
        }
        List<Point> matching = new ArrayList<>(points.getOrDefault(request.path(), List.of()).stream()
                .filter(point -> !point.start().isBefore(from) && point.start().isBefore(to))
                .toList());
        matching.sort(Comparator.comparing(Point::start));
        Paged<Point> page = page(
                matching,
                offset(Optional.ofNullable(request.query().get("pageToken"))),
                Math.min(pageSize, MAX_PAGE_SIZE));
        JSONObject answer = new JSONObject();
        if (!page.items().isEmpty()) {
            answer.put(
                    "dataPoints", array(page.items().stream().map(Point::json).toList()));
        }
        page.nextOffset().ifPresent(next -> answer.put("nextPageToken", token(next)));
        return Response.ok(answer.toJSONString());
    }

    private static JSONObject sampleTime(Instant at) {
        JSONObject sampleTime = new JSONObject();
        sampleTime.put("physicalTime", at.toString());
        sampleTime.put("utcOffset", "3600s");
        return sampleTime;
    }

    private static String error(int code, String message, String status) {
        JSONObject error = new JSONObject();
        error.put("code", code);
        error.put("message", message);
        error.put("status", status);
        JSONObject answer = new JSONObject();
        answer.put("error", error);
        return answer.toJSONString();
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new BadRequest("not a number");
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequest("not an RFC 3339 timestamp");
        }
    }
}
