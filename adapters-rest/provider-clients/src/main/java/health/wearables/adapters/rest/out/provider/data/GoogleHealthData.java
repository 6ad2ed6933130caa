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
import net.minidev.json.JSONObject;

/**
 * The Google Health API ({@code https://health.googleapis.com}), the Fitbit Web API's successor:
 * {@code GET /v4beta/users/me/dataTypes/{dataType}/dataPoints} with an AIP-160 {@code filter} on the window, the
 * largest documented {@code pageSize} (10,000) and {@code pageToken} paging; the answer is
 * {@code {"dataPoints": [...], "nextPageToken": "..."}} (no token, or an empty one, on the last page).
 *
 * <p>What this client assumes of the JSON, from Google's published client libraries (the REST reference is thin):
 * a data point holds one member named after its data type in lowerCamelCase, and 64-bit integers arrive as strings
 * (proto3's JSON mapping), so numbers are read from either.
 *
 * <ul>
 *   <li>{@code steps} (an interval type): {@code steps.count} over
 *       {@code steps.interval.startTime..endTime}, as steps in an interval (55423-8), not per day; filtered on
 *       {@code steps.interval.start_time};</li>
 *   <li>{@code heart-rate} (a sample type): {@code heartRate.beatsPerMinute} at
 *       {@code heartRate.sampleTime.physicalTime}; filtered on {@code heart_rate.sample_time.physical_time};</li>
 *   <li>{@code weight} (a sample type): {@code weight.weightGrams}, written in kg, at
 *       {@code weight.sampleTime.physicalTime}; filtered on {@code weight.sample_time.physical_time}.</li>
 * </ul>
 *
 * <p>The id is the data point's resource {@code name} when it has one (only "identifiable" data types have names),
 * else the data type and the point's start time.
 */
final class GoogleHealthData implements DataApi {
    static final String DATA_POINTS = "/v4beta/users/me/dataTypes/%s/dataPoints";
    static final int PAGE_SIZE = 10_000;

    private static final double GRAMS_PER_KILOGRAM = 1000;

    private final DataCalls calls;

    GoogleHealthData(DataCalls calls) {
        this.calls = calls;
    }

    @Override
    public List<DataCollection> collections() {
        return List.of(
                new DataPoints("steps", "steps.interval.start_time", point -> {
                    JSONObject steps = Json.object(point, "steps");
                    JSONObject interval = Json.object(steps, "interval");
                    Instant start = Json.instant(interval, "startTime");
                    return new Measurement(
                            DataType.STEPS,
                            Json.number(steps, "count"),
                            Effective.between(start, Json.instant(interval, "endTime")),
                            id(point, "steps", start));
                }),
                new DataPoints("heart-rate", "heart_rate.sample_time.physical_time", point -> {
                    JSONObject heartRate = Json.object(point, "heartRate");
                    Instant at = Json.instant(Json.object(heartRate, "sampleTime"), "physicalTime");
                    return new Measurement(
                            DataType.HEART_RATE,
                            Json.number(heartRate, "beatsPerMinute"),
                            Effective.at(at),
                            id(point, "heart-rate", at));
                }),
                new DataPoints("weight", "weight.sample_time.physical_time", point -> {
                    JSONObject weight = Json.object(point, "weight");
                    Instant at = Json.instant(Json.object(weight, "sampleTime"), "physicalTime");
                    return new Measurement(
                            DataType.BODY_WEIGHT,
                            Json.number(weight, "weightGrams") / GRAMS_PER_KILOGRAM,
                            Effective.at(at),
                            id(point, "weight", at));
                }));
    }

    private static String id(JSONObject point, String dataType, Instant time) {
        return Json.optionalString(point, "name").orElse(dataType + "@" + time);
    }

    /** How one data point of a type reads. */
    @FunctionalInterface
    private interface PointReader {
        Measurement read(JSONObject point);
    }

    /** One data type's data points. */
    private final class DataPoints implements DataCollection {
        private final String dataType;
        private final String timeField;
        private final PointReader reader;

        DataPoints(String dataType, String timeField, PointReader reader) {
            this.dataType = dataType;
            this.timeField = timeField;
            this.reader = reader;
        }

        @Override
        public String name() {
            return "google-health " + dataType;
        }

        @Override
        public DataPage read(DataRequest request, SyncWindow slice, Optional<String> pageToken) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put(
                    "filter",
                    timeField + " >= \"" + slice.from() + "\" AND " + timeField + " < \"" + slice.to() + "\"");
            query.put("pageSize", Integer.toString(PAGE_SIZE));
            pageToken.ifPresent(token -> query.put("pageToken", token));
            return calls.get(
                    name(),
                    DataCalls.uri(request.apiBase(), DATA_POINTS.formatted(dataType), query),
                    request.bearer(),
                    json -> {
                        List<Measurement> measurements = new ArrayList<>();
                        // an empty list may be left out of the answer altogether (proto3 JSON omits empty fields)
                        if (json.containsKey("dataPoints")) {
                            for (JSONObject point : Json.objects(json, "dataPoints")) {
                                measurements.add(reader.read(point));
                            }
                        }
                        return new Page(
                                measurements,
                                Json.optionalString(json, "nextPageToken").map(Cursor::new));
                    });
        }
    }
}
