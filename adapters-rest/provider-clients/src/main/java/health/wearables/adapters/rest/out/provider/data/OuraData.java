package health.wearables.adapters.rest.out.provider.data;

import health.wearables.application.port.out.ProviderData.Cursor;
import health.wearables.application.port.out.ProviderData.DataPage;
import health.wearables.application.port.out.ProviderData.DataRequest;
import health.wearables.application.port.out.ProviderData.Page;
import health.wearables.domain.sync.DataType;
import health.wearables.domain.sync.Effective;
import health.wearables.domain.sync.Measurement;
import health.wearables.domain.sync.SyncWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
 * Oura API v2 ({@code https://api.ouraring.com}). Every collection answers {@code {"data": [...], "next_token": ...}}
 * and pages by {@code next_token}.
 *
 * <ul>
 *   <li>{@code /v2/usercollection/daily_activity}: {@code steps} → daily steps and {@code active_calories} → active
 *       energy, over the Oura day (24 h from its {@code timestamp}; an Oura day starts at 4 a.m. local time);</li>
 *   <li>{@code /v2/usercollection/heartrate}: {@code bpm} at {@code timestamp}, queried by
 *       {@code start_datetime}/{@code end_datetime}, at most 30 days a request (so the window is sliced);</li>
 *   <li>{@code /v2/usercollection/sleep}: total, deep, light and REM sleep (seconds, written in minutes) over
 *       {@code bedtime_start..bedtime_end}; {@code average_hrv}, which is RMSSD (never written as SDNN), and
 *       {@code lowest_heart_rate} as the resting heart rate, both at {@code bedtime_end}. Periods of type
 *       {@code deleted} and {@code rest} are not sleep and are skipped;</li>
 *   <li>{@code /v2/usercollection/daily_spo2}: {@code spo2_percentage.average}, at the start of its day (UTC: the
 *       answer carries no zone).</li>
 * </ul>
 *
 * <p>The date collections are queried by {@code start_date}/{@code end_date} one day wider than the window on both
 * sides: Oura's days are the user's local days, which may begin a day before or after the UTC date; records read twice
 * across syncs keep their ids. Ids: a day for the daily collections ({@code daily_activity/2026-11-20}), Oura's
 * document id for a sleep period, the instant for a heart-rate sample (it has no id).
 */
final class OuraData implements DataApi {
    static final String DAILY_ACTIVITY = "/v2/usercollection/daily_activity";
    static final String HEART_RATE = "/v2/usercollection/heartrate";
    static final String SLEEP = "/v2/usercollection/sleep";
    static final String DAILY_SPO2 = "/v2/usercollection/daily_spo2";
    /** The longest span of one heart-rate request. */
    static final Duration HEART_RATE_SPAN = Duration.ofDays(30);

    private static final Set<String> NOT_SLEEP = Set.of("deleted", "rest");
    private static final double SECONDS_PER_MINUTE = 60;

    private final DataCalls calls;

    OuraData(DataCalls calls) {
        this.calls = calls;
    }

    @Override
    public List<DataCollection> collections() {
        return List.of(
                new Collection("oura daily_activity", DAILY_ACTIVITY, false, OuraData::dailyActivity),
                new Collection("oura heartrate", HEART_RATE, true, OuraData::heartRate),
                new Collection("oura sleep", SLEEP, false, OuraData::sleep),
                new Collection("oura daily_spo2", DAILY_SPO2, false, OuraData::dailySpo2));
    }

    private static void dailyActivity(JSONObject day, List<Measurement> into) {
        String id = "daily_activity/" + Json.date(day, "day");
        Instant start = Json.instant(day, "timestamp");
        Effective oneDay = Effective.between(start, start.plus(Duration.ofDays(1)));
        Json.optionalNumber(day, "steps")
                .ifPresent(steps -> into.add(new Measurement(DataType.DAILY_STEPS, steps, oneDay, id)));
        Json.optionalNumber(day, "active_calories")
                .ifPresent(kcal -> into.add(new Measurement(DataType.ACTIVE_ENERGY, kcal, oneDay, id)));
    }

    private static void heartRate(JSONObject sample, List<Measurement> into) {
        Instant at = Json.instant(sample, "timestamp");
        into.add(new Measurement(DataType.HEART_RATE, Json.number(sample, "bpm"), Effective.at(at), "heartrate/" + at));
    }

    private static void sleep(JSONObject period, List<Measurement> into) {
        String id = "sleep/" + Json.string(period, "id");
        if (Json.optionalString(period, "type").filter(NOT_SLEEP::contains).isPresent()) {
            return;
        }
        Instant start = Json.instant(period, "bedtime_start");
        Instant end = Json.instant(period, "bedtime_end");
        Effective night = Effective.between(start, end);
        Map<String, DataType> durations = new LinkedHashMap<>();
        durations.put("total_sleep_duration", DataType.SLEEP_DURATION);
        durations.put("deep_sleep_duration", DataType.DEEP_SLEEP);
        durations.put("light_sleep_duration", DataType.LIGHT_SLEEP);
        durations.put("rem_sleep_duration", DataType.REM_SLEEP);
        durations.forEach((member, type) -> Json.optionalNumber(period, member)
                .ifPresent(seconds -> into.add(new Measurement(type, seconds / SECONDS_PER_MINUTE, night, id))));
        Json.optionalNumber(period, "average_hrv")
                .ifPresent(rmssd ->
                        into.add(new Measurement(DataType.HEART_RATE_VARIABILITY_RMSSD, rmssd, Effective.at(end), id)));
        Json.optionalNumber(period, "lowest_heart_rate")
                .ifPresent(bpm -> into.add(new Measurement(DataType.RESTING_HEART_RATE, bpm, Effective.at(end), id)));
    }

    private static void dailySpo2(JSONObject day, List<Measurement> into) {
        LocalDate date = Json.date(day, "day");
        Json.optionalObject(day, "spo2_percentage")
                .flatMap(spo2 -> Json.optionalNumber(spo2, "average"))
                .ifPresent(percent -> into.add(new Measurement(
                        DataType.OXYGEN_SATURATION,
                        percent,
                        Effective.at(date.atStartOfDay(ZoneOffset.UTC).toInstant()),
                        "daily_spo2/" + date)));
    }

    /** One Oura collection: its path, whether it is queried by instants (and sliced), and how a record reads. */
    private final class Collection implements DataCollection {
        private final String name;
        private final String path;
        private final boolean byInstants;
        private final BiConsumer<JSONObject, List<Measurement>> record;

        Collection(String name, String path, boolean byInstants, BiConsumer<JSONObject, List<Measurement>> record) {
            this.name = name;
            this.path = path;
            this.byInstants = byInstants;
            this.record = record;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<SyncWindow> slices(SyncWindow window) {
            return byInstants ? window.slices(HEART_RATE_SPAN) : List.of(window);
        }

        @Override
        public DataPage read(DataRequest request, SyncWindow slice, Optional<String> pageToken) {
            Map<String, String> query = new LinkedHashMap<>();
            if (byInstants) {
                query.put("start_datetime", slice.from().toString());
                query.put("end_datetime", slice.to().toString());
            } else {
                query.put("start_date", utcDate(slice.from()).minusDays(1).toString());
                query.put("end_date", utcDate(slice.to()).plusDays(1).toString());
            }
            pageToken.ifPresent(token -> query.put("next_token", token));
            return calls.get(name, DataCalls.uri(request.apiBase(), path, query), request.bearer(), json -> {
                List<Measurement> measurements = new ArrayList<>();
                for (JSONObject element : Json.objects(json, "data")) {
                    record.accept(element, measurements);
                }
                return new Page(
                        measurements, Json.optionalString(json, "next_token").map(Cursor::new));
            });
        }
    }

    private static LocalDate utcDate(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
