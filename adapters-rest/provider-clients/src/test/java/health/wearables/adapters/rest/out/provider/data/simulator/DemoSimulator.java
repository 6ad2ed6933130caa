package health.wearables.adapters.rest.out.provider.data.simulator;

import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import net.minidev.json.JSONObject;

/**
 * The demo provider's data API, the gateway's own simple format, as the demo WAR serves it under
 * {@code /demo-provider}: {@code GET /v1/observations?start=…&end=…[&pageToken=…]} answers
 * {@code {"observations": [...], "nextPageToken": "..."}}, an observation being {@code id}, {@code type} (the
 * gateway's code of a data type), {@code value} and either {@code time} or {@code start} and {@code end}; an
 * observation is in the window by its time or its start.
 */
public final class DemoSimulator extends DataSimulator {
    public static final String PREFIX = "/demo-provider";
    public static final String OBSERVATIONS = PREFIX + "/v1/observations";

    /** A stored observation: when it is (what the window compares) and its JSON. */
    private record Observation(Instant at, JSONObject json) {}

    private final List<Observation> observations = new CopyOnWriteArrayList<>();

    private DemoSimulator(InetAddress address, int port) {
        super(address, port, 500);
    }

    public static DemoSimulator start() {
        return start(0);
    }

    public static DemoSimulator start(int port) {
        return start(InetAddress.getLoopbackAddress(), port);
    }

    /** On a given address and port: the wildcard address lets a gateway on another host read it. */
    public static DemoSimulator start(InetAddress address, int port) {
        return new DemoSimulator(address, port);
    }

    @Override
    public URI apiBase() {
        return URI.create(baseUri() + PREFIX);
    }

    /** A value at an instant. */
    public DemoSimulator point(String id, String type, double value, Instant time) {
        JSONObject json = observation(id, type, value);
        json.put("time", time.toString());
        observations.add(new Observation(time, json));
        return this;
    }

    /** A value over a span. */
    public DemoSimulator span(String id, String type, double value, Instant start, Instant end) {
        JSONObject json = observation(id, type, value);
        json.put("start", start.toString());
        json.put("end", end.toString());
        observations.add(new Observation(start, json));
        return this;
    }

    private static JSONObject observation(String id, String type, double value) {
        JSONObject json = new JSONObject();
        json.put("id", id);
        json.put("type", type);
        json.put("value", value);
        return json;
    }

    @Override
    protected Response serve(Request request) {
        if (!"GET".equals(request.method()) || !OBSERVATIONS.equals(request.path())) {
            return new Response(404, "{\"error\":\"not_found\"}");
        }
        Instant start = instant(required(request, "start"));
        Instant end = instant(required(request, "end"));
        List<Observation> matching = new ArrayList<>(observations.stream()
                .filter(observation ->
                        !observation.at().isBefore(start) && observation.at().isBefore(end))
                .toList());
        matching.sort(Comparator.comparing(Observation::at));
        Paged<Observation> page =
                page(matching, offset(Optional.ofNullable(request.query().get("pageToken"))), Integer.MAX_VALUE);
        JSONObject answer = new JSONObject();
        answer.put(
                "observations",
                array(page.items().stream().map(Observation::json).toList()));
        page.nextOffset().ifPresent(next -> answer.put("nextPageToken", token(next)));
        return Response.ok(answer.toJSONString());
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequest("not an instant");
        }
    }
}
