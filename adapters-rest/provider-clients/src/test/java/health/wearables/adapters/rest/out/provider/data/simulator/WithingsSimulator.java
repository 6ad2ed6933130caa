package health.wearables.adapters.rest.out.provider.data.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import net.minidev.json.JSONObject;

/**
 * Withings' Public API as documented: {@code POST} forms with an {@code action}, every answer HTTP 200 wrapped as
 * {@code {"status": <int>, "body": {...}}} (an access token it does not accept is status 401 in a 200, an unknown
 * action 2554, bad parameters 503), lists paged with {@code more} and {@code offset}:
 * {@code /measure action=getmeas} (unix {@code startdate}/{@code enddate}, {@code meastypes}, {@code more} as 0/1),
 * {@code /v2/measure action=getactivity} and {@code /v2/sleep action=getsummary} ({@code startdateymd}/
 * {@code enddateymd}, both inclusive, {@code more} as a boolean).
 */
public final class WithingsSimulator extends DataSimulator {
    public static final String MEASURE = "/measure";
    public static final String ACTIVITY = "/v2/measure";
    public static final String SLEEP = "/v2/sleep";

    /** One measure of a group: {@code value × 10^unit} of {@code type}. */
    public record Measure(int type, long value, int unit) {}

    private final List<JSONObject> groups = new CopyOnWriteArrayList<>();
    private final List<JSONObject> activities = new CopyOnWriteArrayList<>();
    private final List<JSONObject> nights = new CopyOnWriteArrayList<>();

    private WithingsSimulator(int port) {
        super(port, 200);
    }

    public static WithingsSimulator start() {
        return new WithingsSimulator(0);
    }

    public static WithingsSimulator start(int port) {
        return new WithingsSimulator(port);
    }

    /** A wrapped error: HTTP 200 with a non-zero status, as Withings answers every failure. */
    public static Fault wrappedStatus(int status) {
        return Fault.json(200, "{\"status\":" + status + ",\"body\":{},\"error\":\"simulated error " + status + "\"}");
    }

    /** A measure group (a weigh-in) taken at {@code date}. */
    public WithingsSimulator measureGroup(long grpid, Instant date, Measure... measures) {
        JSONObject group = new JSONObject();
        group.put("grpid", grpid);
        group.put("attrib", 0);
        group.put("date", date.getEpochSecond());
        group.put("created", date.getEpochSecond() + 60);
        group.put("modified", date.getEpochSecond() + 60);
        group.put("category", 1);
        group.put("deviceid", "4f0e7d9b8c1a");
        group.put(
                "measures",
                array(Arrays.stream(measures)
                        .map(measure -> {
                            JSONObject json = new JSONObject();
                            json.put("value", measure.value());
                            json.put("type", measure.type());
                            json.put("unit", measure.unit());
                            json.put("algo", 0);
                            json.put("fm", 3);
                            return json;
                        })
                        .toList()));
        group.put("comment", null);
        groups.add(group);
        return this;
    }

    /** A day of activity in the given time zone. */
    public WithingsSimulator activity(LocalDate date, String timezone, int steps) {
        JSONObject day = new JSONObject();
        day.put("date", date.toString());
        day.put("timezone", timezone);
        day.put("deviceid", null);
        day.put("hash_deviceid", null);
        day.put("brand", 18);
        day.put("is_tracker", false);
        day.put("steps", steps);
        activities.add(day);
        return this;
    }

    /** A night's sleep summary; durations in seconds. */
    public WithingsSimulator night(
            long id, Instant start, Instant end, LocalDate date, int totalSleepTime, int deep, int light, int rem) {
        JSONObject night = new JSONObject();
        night.put("id", id);
        night.put("timezone", "Europe/Paris");
        night.put("model", 32);
        night.put("model_id", 63);
        night.put("startdate", start.getEpochSecond());
        night.put("enddate", end.getEpochSecond());
        night.put("date", date.toString());
        night.put("created", end.getEpochSecond() + 600);
        night.put("modified", end.getEpochSecond() + 600);
        JSONObject data = new JSONObject();
        data.put("total_sleep_time", totalSleepTime);
        data.put("deepsleepduration", deep);
        data.put("lightsleepduration", light);
        data.put("remsleepduration", rem);
        data.put("wakeupduration", 1200);
        night.put("data", data);
        nights.add(night);
        return this;
    }

    @Override
    protected Response unauthorized() {
        return Response.ok("{\"status\":401,\"body\":{},\"error\":\"XRequestID: Not provided invalid_token: "
                + "The access token provided is invalid\"}");
    }

    @Override
    protected Response badRequest(String reason) {
        return Response.ok(
                "{\"status\":503,\"body\":{},\"error\":\"Invalid Params: " + reason.replace("\"", "'") + "\"}");
    }

    @Override
    protected Response serve(Request request) {
        if (!"POST".equals(request.method())) {
            return Response.ok("{\"status\":2554,\"body\":{},\"error\":\"Wrong action or wrong webservice\"}");
        }
        String action = request.form().getOrDefault("action", "");
        return switch (request.path() + " " + action) {
            case MEASURE + " getmeas" -> measures(request);
            case ACTIVITY + " getactivity" -> byDays(request, activities, "activities", "date");
            case SLEEP + " getsummary" -> byDays(request, nights, "series", "date");
            default -> Response.ok("{\"status\":2554,\"body\":{},\"error\":\"Wrong action or wrong webservice\"}");
        };
    }

    private Response measures(Request request) {
        long start = epoch(required(request, "startdate"));
        long end = epoch(required(request, "enddate"));
        Set<Long> types = Arrays.stream(required(request, "meastypes").split(","))
                .map(WithingsSimulator::epoch)
                .collect(Collectors.toSet());
        List<JSONObject> matching = groups.stream()
                .filter(group -> {
                    long date = ((Number) group.get("date")).longValue();
                    return date >= start && date <= end;
                })
                .map(group -> {
                    JSONObject copy = new JSONObject(group);
                    copy.put(
                            "measures",
                            array(((List<?>) group.get("measures"))
                                    .stream()
                                            .filter(measure -> types.contains(
                                                    ((Number) ((Map<?, ?>) measure).get("type")).longValue()))
                                            .toList()));
                    return copy;
                })
                .sorted(Comparator.comparing(group -> ((Number) group.get("date")).longValue()))
                .toList();
        Paged<JSONObject> page = page(matching, offset(request), Integer.MAX_VALUE);
        JSONObject body = new JSONObject();
        body.put("updatetime", end);
        body.put("timezone", "Europe/Paris");
        body.put("measuregrps", array(page.items()));
        body.put("more", page.nextOffset().isPresent() ? 1 : 0);
        body.put("offset", page.nextOffset().orElse(0));
        return wrapped(body);
    }

    private Response byDays(Request request, List<JSONObject> records, String list, String dateMember) {
        LocalDate start = date(required(request, "startdateymd"));
        LocalDate end = date(required(request, "enddateymd"));
        Predicate<JSONObject> inRange = record -> {
            LocalDate date = LocalDate.parse((String) record.get(dateMember));
            return !date.isBefore(start) && !date.isAfter(end);
        };
        List<JSONObject> matching =
                new ArrayList<>(records.stream().filter(inRange).toList());
        matching.sort(Comparator.comparing(record -> (String) record.get(dateMember)));
        Paged<JSONObject> page = page(matching, offset(request), Integer.MAX_VALUE);
        JSONObject body = new JSONObject();
        body.put(list, array(page.items()));
        body.put("more", page.nextOffset().isPresent());
        body.put("offset", page.nextOffset().orElse(0));
        return wrapped(body);
    }

    private static int offset(Request request) {
        return Optional.ofNullable(request.form().get("offset"))
                .map(text -> (int) epoch(text))
                .orElse(0);
    }

    private static Response wrapped(JSONObject body) {
        JSONObject answer = new JSONObject();
        answer.put("status", 0);
        answer.put("body", body);
        return Response.ok(answer.toJSONString());
    }

    private static long epoch(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new BadRequest("not a number");
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequest("not a date");
        }
    }
}
