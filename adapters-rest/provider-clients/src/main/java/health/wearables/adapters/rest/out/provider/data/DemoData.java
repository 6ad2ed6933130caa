package health.wearables.adapters.rest.out.provider.data;

import health.wearables.application.port.out.ProviderData.Cursor;
import health.wearables.application.port.out.ProviderData.DataPage;
import health.wearables.application.port.out.ProviderData.DataRequest;
import health.wearables.application.port.out.ProviderData.Page;
import health.wearables.domain.sync.DataType;
import health.wearables.domain.sync.Effective;
import health.wearables.domain.sync.Measurement;
import health.wearables.domain.sync.SyncWindow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.minidev.json.JSONObject;

/**
 * The demo provider (slug {@code demo}), which the demo WAR serves itself under {@code /demo-provider}: the gateway's
 * own simple format, one collection, paged by a page token.
 *
 * <pre>
 * GET {api base}/v1/observations?start={instant}&amp;end={instant}[&amp;pageToken={token}]
 * 200 {"observations": [
 *        {"id": "steps/2026-11-20", "type": "daily-steps", "value": 8423,
 *         "start": "2026-11-20T00:00:00Z", "end": "2026-11-21T00:00:00Z"},
 *        {"id": "heart-rate/2026-11-20T10:05:00Z", "type": "heart-rate", "value": 64,
 *         "time": "2026-11-20T10:05:00Z"}],
 *      "nextPageToken": "500"}
 * </pre>
 *
 * {@code type} is a {@link DataType#gatewayCode()}, {@code value} is in that kind's unit, a point in time has
 * {@code time}, a span {@code start} and {@code end}; a type this client does not know is skipped. No
 * {@code nextPageToken} on the last page.
 */
final class DemoData implements DataApi {
    static final String OBSERVATIONS = "/v1/observations";

    private static final Map<String, DataType> BY_CODE = Arrays.stream(DataType.values())
            .collect(Collectors.toUnmodifiableMap(DataType::gatewayCode, Function.identity()));

    private final DataCalls calls;

    DemoData(DataCalls calls) {
        this.calls = calls;
    }

    @Override
    public List<DataCollection> collections() {
        return List.of(new Observations());
    }

    private static Optional<Measurement> observation(JSONObject observation) {
        String id = Json.string(observation, "id");
        Optional<DataType> type = Optional.ofNullable(BY_CODE.get(Json.string(observation, "type")));
        double value = Json.number(observation, "value");
        Effective effective = observation.containsKey("time")
                ? Effective.at(Json.instant(observation, "time"))
                : Effective.between(Json.instant(observation, "start"), Json.instant(observation, "end"));
        return type.map(kind -> new Measurement(kind, value, effective, id));
    }

    /** The one collection. */
    private final class Observations implements DataCollection {
        @Override
        public String name() {
            return "demo observations";
        }

        @Override
        public DataPage read(DataRequest request, SyncWindow slice, Optional<String> pageToken) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("start", slice.from().toString());
            query.put("end", slice.to().toString());
            pageToken.ifPresent(token -> query.put("pageToken", token));
            return calls.get(name(), DataCalls.uri(request.apiBase(), OBSERVATIONS, query), request.bearer(), json -> {
                List<Measurement> measurements = new ArrayList<>();
                for (JSONObject observation : Json.objects(json, "observations")) {
                    observation(observation).ifPresent(measurements::add);
                }
                return new Page(
                        measurements, Json.optionalString(json, "nextPageToken").map(Cursor::new));
            });
        }
    }
}
