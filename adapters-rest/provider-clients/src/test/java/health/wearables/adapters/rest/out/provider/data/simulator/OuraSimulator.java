package health.wearables.adapters.rest.out.provider.data.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import net.minidev.json.JSONObject;

/**
 * Oura API v2's user collections as documented: {@code daily_activity}, {@code sleep} and {@code daily_spo2} filtered
 * by {@code start_date}/{@code end_date} (days, both inclusive), {@code heartrate} by
 * {@code start_datetime}/{@code end_datetime} and refusing more than 30 days a request; every answer
 * {@code {"data": [...], "next_token": ...}}, paged by {@code next_token}. {@code personal_info} answers the user's
 * {@code id}. Oura revokes at its OAuth server ({@code /oauth/revoke}, a {@code ProviderSimulator} revocation); link it
 * to {@link #revoke} so a revoked token stops working here.
 */
public final class OuraSimulator extends DataSimulator {
    public static final String DAILY_ACTIVITY = "/v2/usercollection/daily_activity";
    public static final String HEART_RATE = "/v2/usercollection/heartrate";
    public static final String SLEEP = "/v2/usercollection/sleep";
    public static final String DAILY_SPO2 = "/v2/usercollection/daily_spo2";
    /** The user's personal info, with Oura's id of the user. */
    public static final String PERSONAL_INFO = "/v2/usercollection/personal_info";
    /** The longest span of a heart-rate request. */
    public static final Duration HEART_RATE_SPAN = Duration.ofDays(30);

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final List<JSONObject> dailyActivity = new CopyOnWriteArrayList<>();
    private final List<JSONObject> heartRate = new CopyOnWriteArrayList<>();
    private final List<JSONObject> sleep = new CopyOnWriteArrayList<>();
    private final List<JSONObject> dailySpo2 = new CopyOnWriteArrayList<>();

    private volatile String userId = "8f1b2c3d-4e5f-4a6b-9c7d-0e1f2a3b4c5d";

    private OuraSimulator(int port) {
        super(port, 50);
    }

    public static OuraSimulator start() {
        return new OuraSimulator(0);
    }

    public static OuraSimulator start(int port) {
        return new OuraSimulator(port);
    }

    /** A day of activity; {@code timestamp} is the start of the Oura day (4 a.m. local time), with its offset. */
    public OuraSimulator dailyActivity(LocalDate day, OffsetDateTime timestamp, int steps, int activeCalories) {
        JSONObject record = new JSONObject();
        record.put("id", "act-" + day);
        record.put("class_5_min", "0000111122223333");
        record.put("score", 82);
        record.put("active_calories", activeCalories);
        record.put("average_met_minutes", 1.4);
        record.put("equivalent_walking_distance", steps * 7 / 10);
        record.put("high_activity_time", 600);
        record.put("steps", steps);
        record.put("total_calories", 2200 + activeCalories);
        record.put("day", day.toString());
        record.put("timestamp", ISO.format(timestamp));
        dailyActivity.add(record);
        return this;
    }

    /** A heart-rate sample. */
    public OuraSimulator heartRate(Instant at, int bpm) {
        JSONObject record = new JSONObject();
        record.put("bpm", bpm);
        record.put("source", "awake");
        record.put("timestamp", at.toString());
        heartRate.add(record);
        return this;
    }

    /**
     * A sleep period of the given type ({@code long_sleep}, {@code sleep}, {@code late_nap}, {@code rest},
     * {@code deleted}); durations in seconds; the day is the day it ended on (UTC).
     */
    public OuraSimulator sleep(
            String id,
            String type,
            OffsetDateTime bedtimeStart,
            OffsetDateTime bedtimeEnd,
            int totalSeconds,
            int deepSeconds,
            int lightSeconds,
            int remSeconds,
            Integer averageHrv,
            Integer lowestHeartRate) {
        JSONObject record = new JSONObject();
        record.put("id", id);
        record.put("average_breath", 14.5);
        record.put("average_heart_rate", 55.25);
        record.put("average_hrv", averageHrv);
        record.put("awake_time", 1800);
        record.put("bedtime_start", ISO.format(bedtimeStart));
        record.put("bedtime_end", ISO.format(bedtimeEnd));
        record.put("day", bedtimeEnd.toLocalDate().toString());
        record.put("deep_sleep_duration", deepSeconds);
        record.put("efficiency", 91);
        record.put("latency", 600);
        record.put("light_sleep_duration", lightSeconds);
        record.put("low_battery_alert", false);
        record.put("lowest_heart_rate", lowestHeartRate);
        record.put("period", 0);
        record.put("rem_sleep_duration", remSeconds);
        record.put("time_in_bed", totalSeconds + 1800);
        record.put("total_sleep_duration", totalSeconds);
        record.put("type", type);
        sleep.add(record);
        return this;
    }

    /** A day's SpO2 average (null: the ring recorded none). */
    public OuraSimulator dailySpo2(LocalDate day, Double average) {
        JSONObject record = new JSONObject();
        record.put("id", "spo2-" + day);
        record.put("day", day.toString());
        record.put("breathing_disturbance_index", 3);
        if (average == null) {
            record.put("spo2_percentage", null);
        } else {
            JSONObject spo2 = new JSONObject();
            spo2.put("average", average);
            record.put("spo2_percentage", spo2);
        }
        dailySpo2.add(record);
        return this;
    }

    /** Oura's id of the user, as personal info answers it. */
    public OuraSimulator userId(String id) {
        this.userId = id;
        return this;
    }

    @Override
    protected Response serve(Request request) {
        if (!"GET".equals(request.method())) {
            return new Response(405, "{\"detail\":\"Method Not Allowed\"}");
        }
        return switch (request.path()) {
            case DAILY_ACTIVITY -> byDays(request, dailyActivity);
            case SLEEP -> byDays(request, sleep);
            case DAILY_SPO2 -> byDays(request, dailySpo2);
            case HEART_RATE -> heartRate(request);
            case PERSONAL_INFO -> Response.ok(personalInfo().toJSONString());
            default -> new Response(404, "{\"detail\":\"Not Found\"}");
        };
    }

    private Response byDays(Request request, List<JSONObject> records) {
        LocalDate start = date(required(request, "start_date"));
        LocalDate end = date(required(request, "end_date"));
        return paged(
                request,
                records,
                record -> {
                    LocalDate day = LocalDate.parse((String) record.get("day"));
                    return !day.isBefore(start) && !day.isAfter(end);
                },
                Comparator.comparing(record -> (String) record.get("day")));
    }

    private Response heartRate(Request request) {
        Instant start = instant(required(request, "start_datetime"));
        Instant end = instant(required(request, "end_datetime"));
        if (Duration.between(start, end).compareTo(HEART_RATE_SPAN) > 0) {
            throw new BadRequest("start_datetime and end_datetime must be at most 30 days apart");
        }
        return paged(
                request,
                heartRate,
                record -> {
                    Instant at = Instant.parse((String) record.get("timestamp"));
                    return !at.isBefore(start) && at.isBefore(end);
                },
                Comparator.comparing(record -> Instant.parse((String) record.get("timestamp"))));
    }

    private Response paged(
            Request request, List<JSONObject> records, Predicate<JSONObject> inWindow, Comparator<JSONObject> order) {
        List<JSONObject> matching =
                new ArrayList<>(records.stream().filter(inWindow).toList());
        matching.sort(order);
        Paged<JSONObject> page =
                page(matching, offset(Optional.ofNullable(request.query().get("next_token"))), Integer.MAX_VALUE);
        JSONObject answer = new JSONObject();
        answer.put("data", array(page.items()));
        answer.put("next_token", page.nextOffset().map(DataSimulator::token).orElse(null));
        return Response.ok(answer.toJSONString());
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequest("not a date");
        }
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequest("not a date-time");
        }
    }

    private JSONObject personalInfo() {
        JSONObject info = new JSONObject();
        info.put("id", userId);
        info.put("age", 31);
        info.put("weight", 74.8);
        info.put("height", 1.8);
        info.put("biological_sex", "female");
        info.put("email", "user@example.com");
        return info;
    }
}
