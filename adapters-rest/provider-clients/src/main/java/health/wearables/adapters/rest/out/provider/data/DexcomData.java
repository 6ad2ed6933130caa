package health.wearables.adapters.rest.out.provider.data;

import health.wearables.application.port.out.ProviderData.DataPage;
import health.wearables.application.port.out.ProviderData.DataRequest;
import health.wearables.application.port.out.ProviderData.Page;
import health.wearables.domain.sync.DataType;
import health.wearables.domain.sync.Effective;
import health.wearables.domain.sync.Measurement;
import health.wearables.domain.sync.SyncWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.minidev.json.JSONObject;

/**
 * Dexcom API v3 ({@code https://api.dexcom.com}, sandbox {@code https://sandbox-api.dexcom.com}): estimated glucose
 * values from {@code GET /v3/users/self/egvs?startDate=…&endDate=…}, at most 30 days a request (so the window is
 * sliced), not paged. The dates are {@code yyyy-MM-ddTHH:mm:ss} in UTC, without an offset, as Dexcom's examples give
 * them. The answer is {@code {"recordType": "egv", ..., "records": [...]}}; each record's {@code value} in its
 * {@code unit} is written in mg/dL (an mmol/L value is converted; a record whose unit is {@code unknown} or whose value
 * is null is skipped) at its {@code systemTime} (Dexcom's clock, nominally UTC: with an offset when the record came
 * from a phone, without one from a receiver). The id is Dexcom's {@code recordId}.
 */
final class DexcomData implements DataApi {
    static final String EGVS = "/v3/users/self/egvs";
    /** The longest span of one request. */
    static final Duration SPAN = Duration.ofDays(30);
    /** Glucose: 1 mmol/L is 18.016 mg/dL (molar mass 180.16 g/mol). */
    static final double MG_PER_DL_PER_MMOL_PER_L = 18.016;

    private static final DateTimeFormatter DEXCOM_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private final DataCalls calls;

    DexcomData(DataCalls calls) {
        this.calls = calls;
    }

    @Override
    public List<DataCollection> collections() {
        return List.of(new Egvs());
    }

    static String dexcomTime(Instant instant) {
        return DEXCOM_TIME.format(instant);
    }

    private static Optional<Measurement> egv(JSONObject record) {
        String id = "egv/" + Json.string(record, "recordId");
        Instant at = Json.instant(record, "systemTime");
        Optional<Double> value = Json.optionalNumber(record, "value");
        String unit = Json.string(record, "unit");
        Optional<Double> milligrams = switch (unit) {
            case "mg/dL" -> value;
            case "mmol/L" -> value.map(mmol -> mmol * MG_PER_DL_PER_MMOL_PER_L);
            default -> Optional.empty();
        };
        return milligrams.map(mg -> new Measurement(DataType.GLUCOSE, mg, Effective.at(at), id));
    }

    /** The one collection: estimated glucose values, 30 days a slice. */
    private final class Egvs implements DataCollection {
        @Override
        public String name() {
            return "dexcom egvs";
        }

        @Override
        public List<SyncWindow> slices(SyncWindow window) {
            return window.slices(SPAN);
        }

        @Override
        public DataPage read(DataRequest request, SyncWindow slice, Optional<String> pageToken) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("startDate", dexcomTime(slice.from()));
            query.put("endDate", dexcomTime(slice.to()));
            return calls.get(name(), DataCalls.uri(request.apiBase(), EGVS, query), request.bearer(), json -> {
                List<Measurement> measurements = new ArrayList<>();
                for (JSONObject record : Json.objects(json, "records")) {
                    egv(record).ifPresent(measurements::add);
                }
                return new Page(measurements, Optional.empty());
            });
        }
    }
}
