package health.wearables.adapters.rest.out.provider.data;

import health.wearables.application.port.out.ProviderData.Cursor;
import health.wearables.application.port.out.ProviderData.DataPage;
import health.wearables.application.port.out.ProviderData.DataRequest;
import health.wearables.application.port.out.ProviderData.Page;
import health.wearables.domain.sync.DataType;
import health.wearables.domain.sync.Effective;
import health.wearables.domain.sync.Measurement;
import health.wearables.domain.sync.SyncWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import net.minidev.json.JSONObject;

/**
 * WHOOP API v2 (base {@code https://api.prod.whoop.com/developer}). The collections answer
 * {@code {"records": [...], "next_token": ...}}, are queried by {@code start}/{@code end} instants and page by
 * {@code limit} (at most 25) and {@code nextToken}. Only records whose {@code score_state} is {@code SCORED} carry a
 * score; the others are skipped.
 *
 * <ul>
 *   <li>{@code /v2/recovery}: {@code score.resting_heart_rate}, {@code score.hrv_rmssd_milli} (RMSSD, never written
 *       as SDNN) and {@code score.spo2_percentage} (when present), at the recovery's {@code created_at}; the id is the
 *       recovery's {@code cycle_id};</li>
 *   <li>{@code /v2/activity/sleep}: from {@code score.stage_summary} (milliseconds, written in minutes) light, deep
 *       ({@code total_slow_wave_sleep_time_milli}) and REM sleep, and their sum as the sleep duration, over
 *       {@code start..end}; the id is the sleep's {@code id};</li>
 *   <li>{@code /v2/user/measurement/body}: one object, not paged and not dated: {@code weight_kilogram} is written as
 *       the body weight at the end of the window, always under the same id, so a sync that finds a new weight makes a
 *       new version of the one Observation rather than a new one.</li>
 * </ul>
 */
final class WhoopData implements DataApi {
    static final String RECOVERY = "/v2/recovery";
    static final String SLEEP = "/v2/activity/sleep";
    static final String BODY = "/v2/user/measurement/body";
    static final int PAGE_SIZE = 25;

    private static final double MILLIS_PER_MINUTE = 60_000;

    private final DataCalls calls;

    WhoopData(DataCalls calls) {
        this.calls = calls;
    }

    @Override
    public List<DataCollection> collections() {
        return List.of(
                new Records("whoop recovery", RECOVERY, WhoopData::recovery),
                new Records("whoop sleep", SLEEP, WhoopData::sleep),
                new Body());
    }

    private static void recovery(JSONObject recovery, List<Measurement> into) {
        String id = "recovery/" + Json.id(recovery, "cycle_id");
        Optional<JSONObject> score = scored(recovery);
        if (score.isEmpty()) {
            return;
        }
        Effective at = Effective.at(Json.instant(recovery, "created_at"));
        into.add(new Measurement(DataType.RESTING_HEART_RATE, Json.number(score.get(), "resting_heart_rate"), at, id));
        into.add(new Measurement(
                DataType.HEART_RATE_VARIABILITY_RMSSD, Json.number(score.get(), "hrv_rmssd_milli"), at, id));
        Json.optionalNumber(score.get(), "spo2_percentage")
                .ifPresent(percent -> into.add(new Measurement(DataType.OXYGEN_SATURATION, percent, at, id)));
    }

    private static void sleep(JSONObject sleep, List<Measurement> into) {
        String id = "sleep/" + Json.id(sleep, "id");
        Optional<JSONObject> score = scored(sleep);
        if (score.isEmpty()) {
            return;
        }
        Effective night = Effective.between(Json.instant(sleep, "start"), Json.instant(sleep, "end"));
        JSONObject stages = Json.object(score.get(), "stage_summary");
        double light = Json.number(stages, "total_light_sleep_time_milli") / MILLIS_PER_MINUTE;
        double deep = Json.number(stages, "total_slow_wave_sleep_time_milli") / MILLIS_PER_MINUTE;
        double rem = Json.number(stages, "total_rem_sleep_time_milli") / MILLIS_PER_MINUTE;
        into.add(new Measurement(DataType.SLEEP_DURATION, light + deep + rem, night, id));
        into.add(new Measurement(DataType.LIGHT_SLEEP, light, night, id));
        into.add(new Measurement(DataType.DEEP_SLEEP, deep, night, id));
        into.add(new Measurement(DataType.REM_SLEEP, rem, night, id));
    }

    /** The record's score when WHOOP has scored it. */
    private static Optional<JSONObject> scored(JSONObject record) {
        if (!"SCORED".equals(Json.string(record, "score_state"))) {
            return Optional.empty();
        }
        return Optional.of(Json.object(record, "score"));
    }

    /** A paged WHOOP collection. */
    private final class Records implements DataCollection {
        private final String name;
        private final String path;
        private final BiConsumer<JSONObject, List<Measurement>> record;

        Records(String name, String path, BiConsumer<JSONObject, List<Measurement>> record) {
            this.name = name;
            this.path = path;
            this.record = record;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public DataPage read(DataRequest request, SyncWindow slice, Optional<String> pageToken) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("start", slice.from().toString());
            query.put("end", slice.to().toString());
            query.put("limit", Integer.toString(PAGE_SIZE));
            pageToken.ifPresent(token -> query.put("nextToken", token));
            return calls.get(name, DataCalls.uri(request.apiBase(), path, query), request.bearer(), json -> {
                List<Measurement> measurements = new ArrayList<>();
                for (JSONObject element : Json.objects(json, "records")) {
                    record.accept(element, measurements);
                }
                return new Page(
                        measurements, Json.optionalString(json, "next_token").map(Cursor::new));
            });
        }
    }

    /** The member's body measurement: one object, one page. */
    private final class Body implements DataCollection {
        @Override
        public String name() {
            return "whoop body";
        }

        @Override
        public DataPage read(DataRequest request, SyncWindow slice, Optional<String> pageToken) {
            Instant asOf = slice.to();
            return calls.get(
                    name(),
                    DataCalls.uri(request.apiBase(), BODY, Map.of()),
                    request.bearer(),
                    body -> new Page(
                            Json.optionalNumber(body, "weight_kilogram")
                                    .map(kg -> List.of(new Measurement(
                                            DataType.BODY_WEIGHT, kg, Effective.at(asOf), "body-measurement")))
                                    .orElse(List.of()),
                            Optional.empty()));
        }
    }
}
