package health.wearables.adapters.rest.out.provider.data.simulator;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import net.minidev.json.JSONObject;

/**
 * WHOOP's developer API v2 under {@code /developer}, as documented: {@code /v2/recovery} and
 * {@code /v2/activity/sleep} answer {@code {"records": [...], "next_token": ...}} for {@code start}/{@code end}
 * (ISO instants; a record is in the window by its {@code created_at} for recoveries and its {@code start} for sleeps),
 * paged by {@code limit} (at most 25, else 400) and {@code nextToken}; {@code /v2/user/measurement/body} answers one
 * object. {@code /v2/user/profile/basic} answers the member's {@code user_id}, and {@code DELETE /v2/user/access}
 * revokes the grant of the bearer token (204; the token is refused from then on, so a second DELETE is 401).
 */
public final class WhoopSimulator extends DataSimulator {
    public static final String PREFIX = "/developer";
    public static final String RECOVERY = PREFIX + "/v2/recovery";
    public static final String SLEEP = PREFIX + "/v2/activity/sleep";
    public static final String BODY = PREFIX + "/v2/user/measurement/body";
    public static final String PROFILE = PREFIX + "/v2/user/profile/basic";
    public static final String ACCESS = PREFIX + "/v2/user/access";
    public static final int MAX_LIMIT = 25;

    private final List<JSONObject> recoveries = new CopyOnWriteArrayList<>();
    private final List<JSONObject> sleeps = new CopyOnWriteArrayList<>();
    private volatile JSONObject body = body(1.8288, 90.7185, 200);
    private volatile long userId = 10_129;

    private WhoopSimulator(int port) {
        super(port, MAX_LIMIT);
    }

    public static WhoopSimulator start() {
        return new WhoopSimulator(0);
    }

    public static WhoopSimulator start(int port) {
        return new WhoopSimulator(port);
    }

    @Override
    public URI apiBase() {
        return URI.create(baseUri() + PREFIX);
    }

    /** A scored recovery. */
    public WhoopSimulator recovery(
            long cycleId, Instant createdAt, double restingHeartRate, double hrvRmssdMilli, Double spo2Percentage) {
        JSONObject score = new JSONObject();
        score.put("user_calibrating", false);
        score.put("recovery_score", 44);
        score.put("resting_heart_rate", restingHeartRate);
        score.put("hrv_rmssd_milli", hrvRmssdMilli);
        if (spo2Percentage != null) {
            score.put("spo2_percentage", spo2Percentage);
        }
        score.put("skin_temp_celsius", 33.7);
        recoveries.add(record(createdAt, "SCORED", score, cycleId));
        return this;
    }

    /** A recovery WHOOP has not scored (yet). */
    public WhoopSimulator pendingRecovery(long cycleId, Instant createdAt) {
        recoveries.add(record(createdAt, "PENDING_SCORE", null, cycleId));
        return this;
    }

    /** A scored sleep; stage durations in milliseconds. */
    public WhoopSimulator sleep(
            String id, Instant start, Instant end, long lightMilli, long slowWaveMilli, long remMilli) {
        JSONObject stages = new JSONObject();
        stages.put("total_in_bed_time_milli", end.toEpochMilli() - start.toEpochMilli());
        stages.put("total_awake_time_milli", 1_403_507);
        stages.put("total_no_data_time_milli", 0);
        stages.put("total_light_sleep_time_milli", lightMilli);
        stages.put("total_slow_wave_sleep_time_milli", slowWaveMilli);
        stages.put("total_rem_sleep_time_milli", remMilli);
        stages.put("sleep_cycle_count", 3);
        stages.put("disturbance_count", 12);
        JSONObject score = new JSONObject();
        score.put("stage_summary", stages);
        score.put("respiratory_rate", 16.11328125);
        score.put("sleep_performance_percentage", 98);
        score.put("sleep_efficiency_percentage", 91.69533);
        JSONObject sleep = new JSONObject();
        sleep.put("id", id);
        sleep.put("cycle_id", 93_845);
        sleep.put("user_id", 10_129);
        sleep.put("created_at", end.plusSeconds(600).toString());
        sleep.put("updated_at", end.plusSeconds(900).toString());
        sleep.put("start", start.toString());
        sleep.put("end", end.toString());
        sleep.put("timezone_offset", "-05:00");
        sleep.put("nap", false);
        sleep.put("score_state", "SCORED");
        sleep.put("score", score);
        sleeps.add(sleep);
        return this;
    }

    /** The member's WHOOP user id, as the profile answers it. */
    public WhoopSimulator userId(long id) {
        this.userId = id;
        return this;
    }

    @Override
    protected boolean isRevocation(Request request) {
        return ACCESS.equals(request.path());
    }

    /** The member's body measurement (null weight: the member has entered none). */
    public WhoopSimulator body(Double weightKilogram) {
        this.body = body(1.8288, weightKilogram, 200);
        return this;
    }

    @Override
    protected Response serve(Request request) {
        if (ACCESS.equals(request.path()) && "DELETE".equals(request.method())) {
            request.bearer().ifPresent(this::revoke);
            return new Response(204, "");
        }
        if (!"GET".equals(request.method())) {
            return new Response(405, "{\"error\":\"method not allowed\"}");
        }
        return switch (request.path()) {
            case RECOVERY -> records(request, recoveries, "created_at");
            case SLEEP -> records(request, sleeps, "start");
            case BODY -> Response.ok(body.toJSONString());
            case PROFILE -> Response.ok(profile().toJSONString());
            default -> new Response(404, "{\"error\":\"not found\"}");
        };
    }

    private Response records(Request request, List<JSONObject> all, String timeMember) {
        Instant start = instant(required(request, "start"));
        Instant end = instant(required(request, "end"));
        int limit = Optional.ofNullable(request.query().get("limit"))
                .map(WhoopSimulator::number)
                .orElse(10);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequest("limit must be between 1 and 25");
        }
        List<JSONObject> matching = new ArrayList<>(all.stream()
                .filter(record -> {
                    Instant at = Instant.parse((String) record.get(timeMember));
                    return !at.isBefore(start) && at.isBefore(end);
                })
                .toList());
        matching.sort(Comparator.comparing((JSONObject record) -> (String) record.get(timeMember))
                .reversed());
        Paged<JSONObject> page =
                page(matching, offset(Optional.ofNullable(request.query().get("nextToken"))), limit);
        JSONObject answer = new JSONObject();
        answer.put("records", array(page.items()));
        page.nextOffset().ifPresent(next -> answer.put("next_token", token(next)));
        return Response.ok(answer.toJSONString());
    }

    private static JSONObject record(Instant createdAt, String state, JSONObject score, long cycleId) {
        JSONObject recovery = new JSONObject();
        recovery.put("cycle_id", cycleId);
        recovery.put(
                "sleep_id",
                UUID.nameUUIDFromBytes(Long.toString(cycleId).getBytes(StandardCharsets.UTF_8))
                        .toString());
        recovery.put("user_id", 10_129);
        recovery.put("created_at", createdAt.toString());
        recovery.put("updated_at", createdAt.plusSeconds(60).toString());
        recovery.put("score_state", state);
        if (score != null) {
            recovery.put("score", score);
        }
        return recovery;
    }

    private JSONObject profile() {
        JSONObject profile = new JSONObject();
        profile.put("user_id", userId);
        profile.put("email", "member-" + userId + "@example.com");
        profile.put("first_name", "Simulated");
        profile.put("last_name", "Member");
        return profile;
    }

    private static JSONObject body(double heightMeter, Double weightKilogram, int maxHeartRate) {
        JSONObject body = new JSONObject();
        body.put("height_meter", heightMeter);
        body.put("weight_kilogram", weightKilogram);
        body.put("max_heart_rate", maxHeartRate);
        return body;
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
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequest("not a date-time");
        }
    }
}
