package health.wearables.adapters.rest.out.provider.data;

import health.wearables.application.port.out.ProviderData.Cursor;
import health.wearables.application.port.out.ProviderData.DataPage;
import health.wearables.application.port.out.ProviderData.DataRequest;
import health.wearables.application.port.out.ProviderData.Page;
import health.wearables.application.port.out.ProviderData.RateLimited;
import health.wearables.application.port.out.ProviderData.Unauthorized;
import health.wearables.application.port.out.ProviderData.Unreadable;
import health.wearables.domain.sync.DataType;
import health.wearables.domain.sync.Effective;
import health.wearables.domain.sync.Measurement;
import health.wearables.domain.sync.SyncWindow;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import net.minidev.json.JSONObject;

/**
 * Withings ({@code https://wbsapi.withings.net}): every call is a {@code POST} of a form with an {@code action}, and
 * every answer is wrapped as {@code {"status": <int>, "body": {...}}}, also on HTTP 200: status 0 is success, an
 * expired or revoked access token is status 401 (or another of Withings' "authentication failed" statuses) and reads as
 * {@code Unauthorized}, 601 (too many requests) as rate limited, any other status as unreadable. Lists page with
 * {@code more} (a flag, 0/1 or a boolean) and {@code offset}, which is sent back as {@code offset}.
 *
 * <ul>
 *   <li>{@code POST /measure action=getmeas} ({@code meastypes=1,6}, {@code category=1} for real measures, unix
 *       {@code startdate}/{@code enddate}): type 1 is body weight (kg), type 6 the fat ratio (%), each
 *       {@code value × 10^unit}, at the group's {@code date}; the id is the group's {@code grpid};</li>
 *   <li>{@code POST /v2/measure action=getactivity} ({@code startdateymd}/{@code enddateymd},
 *       {@code data_fields=steps}): the day's steps over the day in its {@code timezone} (UTC when that is missing or
 *       unknown); the id is the date;</li>
 *   <li>{@code POST /v2/sleep action=getsummary} (same dates): {@code total_sleep_time}, {@code deepsleepduration},
 *       {@code lightsleepduration}, {@code remsleepduration} (seconds, written in minutes) over the night's
 *       {@code startdate..enddate}; the id is the summary's {@code id}.</li>
 * </ul>
 *
 * <p>The date queries are one day wider than the window on both sides, since Withings' days are the user's.
 */
final class WithingsData implements DataApi {
    static final String MEASURE = "/measure";
    static final String ACTIVITY = "/v2/measure";
    static final String SLEEP = "/v2/sleep";

    /** Withings' statuses that mean the access token was not accepted ("authentication failed"). */
    static final Set<Long> AUTHENTICATION_FAILED = Set.of(100L, 101L, 102L, 200L, 401L);
    /** Withings' status for too many requests. */
    static final long TOO_MANY_REQUESTS = 601;

    private static final int WEIGHT = 1;
    private static final int FAT_RATIO = 6;
    private static final double SECONDS_PER_MINUTE = 60;

    private final DataCalls calls;

    WithingsData(DataCalls calls) {
        this.calls = calls;
    }

    @Override
    public List<DataCollection> collections() {
        return List.of(
                new Collection(
                        "withings getmeas",
                        MEASURE,
                        "measuregrps",
                        slice -> {
                            Map<String, String> form = new LinkedHashMap<>();
                            form.put("action", "getmeas");
                            form.put("meastypes", WEIGHT + "," + FAT_RATIO);
                            form.put("category", "1");
                            form.put("startdate", Long.toString(slice.from().getEpochSecond()));
                            form.put("enddate", Long.toString(slice.to().getEpochSecond()));
                            return form;
                        },
                        WithingsData::measureGroup),
                new Collection(
                        "withings getactivity",
                        ACTIVITY,
                        "activities",
                        slice -> days("getactivity", slice, "steps"),
                        WithingsData::activity),
                new Collection(
                        "withings getsummary",
                        SLEEP,
                        "series",
                        slice -> days(
                                "getsummary",
                                slice,
                                "total_sleep_time,deepsleepduration,lightsleepduration,remsleepduration"),
                        WithingsData::sleep));
    }

    private static Map<String, String> days(String action, SyncWindow slice, String dataFields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("action", action);
        form.put(
                "startdateymd",
                LocalDate.ofInstant(slice.from(), ZoneOffset.UTC).minusDays(1).toString());
        form.put(
                "enddateymd",
                LocalDate.ofInstant(slice.to(), ZoneOffset.UTC).plusDays(1).toString());
        form.put("data_fields", dataFields);
        return form;
    }

    private static void measureGroup(JSONObject group, List<Measurement> into) {
        String id = "measure/" + Json.id(group, "grpid");
        Effective at = Effective.at(Json.epochSeconds(group, "date"));
        for (JSONObject measure : Json.objects(group, "measures")) {
            long type = Json.integer(measure, "type");
            if (type != WEIGHT && type != FAT_RATIO) {
                continue;
            }
            double value = BigDecimal.valueOf(Json.integer(measure, "value"))
                    .scaleByPowerOfTen(Math.toIntExact(Json.integer(measure, "unit")))
                    .doubleValue();
            into.add(new Measurement(type == WEIGHT ? DataType.BODY_WEIGHT : DataType.BODY_FAT, value, at, id));
        }
    }

    private static void activity(JSONObject day, List<Measurement> into) {
        LocalDate date = Json.date(day, "date");
        ZoneId zone = zone(Json.optionalString(day, "timezone"));
        Instant start = date.atStartOfDay(zone).toInstant();
        Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
        Json.optionalNumber(day, "steps")
                .ifPresent(steps -> into.add(new Measurement(
                        DataType.DAILY_STEPS, steps, Effective.between(start, end), "activity/" + date)));
    }

    private static void sleep(JSONObject night, List<Measurement> into) {
        String id = "sleep/" + Json.id(night, "id");
        Effective span = Effective.between(Json.epochSeconds(night, "startdate"), Json.epochSeconds(night, "enddate"));
        JSONObject data = Json.object(night, "data");
        Map<String, DataType> durations = new LinkedHashMap<>();
        durations.put("total_sleep_time", DataType.SLEEP_DURATION);
        durations.put("deepsleepduration", DataType.DEEP_SLEEP);
        durations.put("lightsleepduration", DataType.LIGHT_SLEEP);
        durations.put("remsleepduration", DataType.REM_SLEEP);
        durations.forEach((member, type) -> Json.optionalNumber(data, member)
                .ifPresent(seconds -> into.add(new Measurement(type, seconds / SECONDS_PER_MINUTE, span, id))));
    }

    private static ZoneId zone(Optional<String> timezone) {
        try {
            return timezone.map(ZoneId::of).orElse(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** What a window slice asks of one Withings action. */
    @FunctionalInterface
    private interface Form {
        Map<String, String> of(SyncWindow slice);
    }

    /** One Withings action: its path, its form, the list member of its body and how an element reads. */
    private final class Collection implements DataCollection {
        private final String name;
        private final String path;
        private final String list;
        private final Form form;
        private final BiConsumer<JSONObject, List<Measurement>> element;

        Collection(
                String name, String path, String list, Form form, BiConsumer<JSONObject, List<Measurement>> element) {
            this.name = name;
            this.path = path;
            this.list = list;
            this.form = form;
            this.element = element;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public DataPage read(DataRequest request, SyncWindow slice, Optional<String> pageToken) {
            Map<String, String> parameters = new LinkedHashMap<>(form.of(slice));
            long offset = pageToken.map(Long::parseLong).orElse(0L);
            if (offset > 0) {
                parameters.put("offset", Long.toString(offset));
            }
            return calls.postForm(
                    name,
                    DataCalls.uri(request.apiBase(), path, Map.of()),
                    request.bearer(),
                    parameters,
                    json -> unwrapped(json, offset));
        }

        private DataPage unwrapped(JSONObject json, long offset) {
            if (!(json.get("status") instanceof Number number)) {
                return new Unreadable(name + ": answer without a numeric status");
            }
            long status = number.longValue();
            if (AUTHENTICATION_FAILED.contains(status)) {
                return new Unauthorized();
            }
            if (status == TOO_MANY_REQUESTS) {
                return new RateLimited(Optional.empty());
            }
            if (status != 0) {
                return new Unreadable(name + ": Withings answered status " + status);
            }
            JSONObject body = Json.object(json, "body");
            List<Measurement> measurements = new ArrayList<>();
            for (JSONObject record : Json.objects(body, list)) {
                element.accept(record, measurements);
            }
            if (!Json.flag(body, "more")) {
                return new Page(measurements, Optional.empty());
            }
            long next = Json.integer(body, "offset");
            if (next <= offset) {
                return new Unreadable(name + ": 'more' without an offset past the current one");
            }
            return new Page(measurements, Optional.of(new Cursor(Long.toString(next))));
        }
    }
}
