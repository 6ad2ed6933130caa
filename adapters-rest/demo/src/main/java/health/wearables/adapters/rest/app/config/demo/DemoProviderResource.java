package health.wearables.adapters.rest.app.config.demo;

import health.wearables.adapters.rest.app.config.demo.SyntheticWearable.Observation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo provider's data API, in the demo WAR only and only in demo mode ({@code wearables.demo=true}; 404
 * otherwise): {@code GET /demo-provider/v1/observations?start=…&end=…[&pageToken=…]} serves the
 * {@link SyntheticWearable} of the user the bearer token was issued to, {@value #PAGE_SIZE} observations a page, in
 * the gateway's own simple format:
 * {@code {"observations": [{"id", "type", "value", "time" | "start" and "end"}], "nextPageToken": "…"}}, {@code type}
 * being a data type's gateway code. The user is the {@code sub} claim of the access token, a JWT from the demo
 * authorization server; the demo trusts it without checking its signature (this is demo data, nothing else).
 */
@Path("/demo-provider/v1")
@ApplicationScoped
public class DemoProviderResource {
    static final int PAGE_SIZE = 1000;
    static final String ANONYMOUS = "demo-user";

    private static final Pattern BEARER = Pattern.compile("Bearer ([\\x21-\\x7E]{1,8192})");
    private static final Pattern SUBJECT = Pattern.compile("\"sub\"\\s*:\\s*\"([A-Za-z0-9@._+-]{1,128})\"");

    private final boolean demo;
    private final Duration heartRateInterval;
    private final Clock clock;

    /** For the CDI client proxy only. */
    protected DemoProviderResource() {
        this(false, 5);
    }

    /**
     * @param heartRateMinutes how often the synthetic wearable measures the heart rate ({@code
     *     wearables.demo.heart-rate-minutes}, 5 by default; a test run may ask for fewer measurements, so that a
     *     first sync writes fewer Observations)
     */
    @Inject
    public DemoProviderResource(
            @ConfigProperty(name = "wearables.demo", defaultValue = "false") boolean demo,
            @ConfigProperty(name = "wearables.demo.heart-rate-minutes", defaultValue = "5") int heartRateMinutes) {
        this.demo = demo;
        this.heartRateInterval = Duration.ofMinutes(Math.max(1, heartRateMinutes));
        this.clock = Clock.systemUTC();
    }

    @GET
    @Path("/observations")
    @Produces(MediaType.APPLICATION_JSON)
    public Response observations(
            @HeaderParam("Authorization") String authorization,
            @QueryParam("start") String start,
            @QueryParam("end") String end,
            @QueryParam("pageToken") String pageToken) {
        Reply reply = demo
                ? reply(authorization, start, end, pageToken, clock.instant(), heartRateInterval)
                : Reply.error(404, "not_found");
        return Response.status(reply.status())
                .type(MediaType.APPLICATION_JSON)
                .entity(reply.json())
                .build();
    }

    /** What the demo provider answers: a status and a JSON body. */
    record Reply(int status, String json) {
        static Reply error(int status, String code) {
            return new Reply(status, "{\"error\":\"" + code + "\"}");
        }
    }

    /** One page of the bearer's synthetic observations in {@code [start, end)}, as of {@code now}. */
    static Reply reply(String authorization, String start, String end, String pageToken, Instant now) {
        return reply(authorization, start, end, pageToken, now, SyntheticWearable.HEART_RATE_INTERVAL);
    }

    /** The same, from a wearable that measures the heart rate every {@code heartRateInterval}. */
    static Reply reply(
            String authorization, String start, String end, String pageToken, Instant now, Duration heartRateInterval) {
        Matcher bearer = BEARER.matcher(authorization == null ? "" : authorization);
        if (!bearer.matches()) {
            return Reply.error(401, "invalid_token");
        }
        Optional<Instant> from = instant(start);
        Optional<Instant> to = instant(end);
        Optional<Integer> offset = pageToken == null ? Optional.of(0) : offset(pageToken);
        if (from.isEmpty() || to.isEmpty() || offset.isEmpty()) {
            return Reply.error(400, "invalid_request");
        }
        List<Observation> all =
                SyntheticWearable.observations(user(bearer.group(1)), from.get(), to.get(), now, heartRateInterval);
        if (offset.get() > all.size()) {
            return Reply.error(400, "invalid_request");
        }
        int next = Math.min(all.size(), offset.get() + PAGE_SIZE);
        return new Reply(
                200, json(all.subList(offset.get(), next), next < all.size() ? Optional.of(next) : Optional.empty()));
    }

    /** Who the token was issued to: its {@code sub} claim when it is a JWT that has one. */
    static String user(String token) {
        String[] parts = token.split("\\.", -1);
        int count = parts.length;
        while (count > 0 && parts[count - 1].isEmpty()) {
            count--; // empty parts at the end are not counted, as before
        }
        if (count != 3) {
            return ANONYMOUS;
        }
        try {
            String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            Matcher subject = SUBJECT.matcher(claims);
            return subject.find() ? subject.group(1) : ANONYMOUS;
        } catch (IllegalArgumentException e) {
            return ANONYMOUS;
        }
    }

    private static String json(List<Observation> page, Optional<Integer> next) {
        StringBuilder json = new StringBuilder("{\"observations\":[");
        for (int i = 0; i < page.size(); i++) {
            Observation observation = page.get(i);
            json.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"")
                    .append(observation.id())
                    .append("\",\"type\":\"")
                    .append(observation.type().gatewayCode())
                    .append("\",\"value\":")
                    .append(observation.value());
            observation
                    .effective()
                    .fold(
                            at -> json.append(",\"time\":\"")
                                    .append(at.instant())
                                    .append('"'),
                            between -> json.append(",\"start\":\"")
                                    .append(between.start())
                                    .append("\",\"end\":\"")
                                    .append(between.end())
                                    .append('"'));
            json.append('}');
        }
        json.append(']');
        next.ifPresent(
                offset -> json.append(",\"nextPageToken\":\"").append(offset).append('"'));
        return json.append('}').toString();
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.ofNullable(text).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> offset(String token) {
        return token.matches("[0-9]{1,7}") ? Optional.of(Integer.parseInt(token)) : Optional.empty();
    }
}
