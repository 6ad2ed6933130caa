package health.wearables.adapters.rest.out.provider.data.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.minidev.json.JSONObject;

/**
 * Dexcom API v3's estimated glucose values as documented: {@code GET /v3/users/self/egvs} with {@code startDate} and
 * {@code endDate} ({@code yyyy-MM-ddTHH:mm:ss}, UTC), refusing a window over 30 days with 400, not paged; the answer
 * is {@code {"recordType": "egv", "recordVersion": "3.0", "userId": ..., "records": [...]}}. Records from a phone
 * carry a UTC offset in their times, records from a receiver none.
 */
public final class DexcomSimulator extends DataSimulator {
    public static final String EGVS = "/v3/users/self/egvs";
    public static final Duration MAX_SPAN = Duration.ofDays(30);

    private final List<JSONObject> egvs = new CopyOnWriteArrayList<>();

    private DexcomSimulator(int port) {
        super(port, Integer.MAX_VALUE);
    }

    public static DexcomSimulator start() {
        return new DexcomSimulator(0);
    }

    public static DexcomSimulator start(int port) {
        return new DexcomSimulator(port);
    }

    /** An EGV from a phone app ({@code systemTime} with its UTC offset). */
    public DexcomSimulator egv(String recordId, Instant systemTime, Integer value, String unit) {
        String time = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(systemTime.atOffset(ZoneOffset.UTC));
        return add(recordId, time, systemTime, value, unit, "iOS");
    }

    /** An EGV from a receiver ({@code systemTime} without an offset). */
    public DexcomSimulator receiverEgv(String recordId, Instant systemTime, Integer value) {
        String time = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(LocalDateTime.ofInstant(systemTime, ZoneOffset.UTC));
        return add(recordId, time, systemTime, value, "mg/dL", "receiver");
    }

    private DexcomSimulator add(String recordId, String time, Instant at, Integer value, String unit, String device) {
        JSONObject record = new JSONObject();
        record.put("recordId", recordId);
        record.put("systemTime", time);
        record.put("displayTime", time);
        record.put("transmitterId", "5f2ba2bd9f7a4c3a1e3f0a8d0d0c5a4f");
        record.put("transmitterTicks", 5_796_680);
        record.put("value", value);
        record.put("trend", "flat");
        record.put("trendRate", 0.1);
        record.put("unit", unit);
        record.put("rateUnit", "mg/dL/min");
        record.put("displayDevice", device);
        record.put("transmitterGeneration", "g7");
        record.put("status", null);
        record.put("at", at.toString());
        egvs.add(record);
        return this;
    }

    @Override
    protected Response serve(Request request) {
        if (!"GET".equals(request.method()) || !EGVS.equals(request.path())) {
            return new Response(404, "{\"error\":\"not found\"}");
        }
        Instant start = time(required(request, "startDate"));
        Instant end = time(required(request, "endDate"));
        if (!end.isAfter(start) || Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw new BadRequest("the time window must be positive and at most 30 days");
        }
        List<JSONObject> matching = new ArrayList<>();
        for (JSONObject record : egvs) {
            Instant at = Instant.parse((String) record.get("at"));
            if (!at.isBefore(start) && at.isBefore(end)) {
                JSONObject served = new JSONObject(record);
                served.remove("at");
                matching.add(served);
            }
        }
        matching.sort(Comparator.comparing(record -> (String) record.get("recordId")));
        JSONObject answer = new JSONObject();
        answer.put("recordType", "egv");
        answer.put("recordVersion", "3.0");
        answer.put("userId", "a8f3c3a1-0b6c-4c2e-9d1f-1f2d3c4b5a69");
        answer.put("records", array(matching));
        return Response.ok(answer.toJSONString());
    }

    private static Instant time(String text) {
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new BadRequest("not a date-time without an offset");
        }
    }
}
