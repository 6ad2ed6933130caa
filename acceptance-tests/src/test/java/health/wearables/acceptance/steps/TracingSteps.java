package health.wearables.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spans the first instance wrote to its log (OpenTelemetry's logging exporter, one line a span as it ends:
 * {@code 'name' : traceId spanId KIND [tracer: …] attributes}).
 */
public class TracingSteps {
    private static final Pattern SPAN = Pattern.compile(
            "LoggingSpanExporter\\s+I '([^']+)' : ([0-9a-f]{32}) ([0-9a-f]{16}) ([A-Z]+) \\[tracer: [^\\]]*\\] (.*)$");
    private static final String CALLBACK = "GET /v1/wearables/{provider}/callback";

    private final PatientJourney journey;
    private final GatewayLog log = new GatewayLog();
    private long mark;

    public TracingSteps(PatientJourney journey) {
        this.journey = journey;
    }

    /** One span as the exporter logged it; its attributes as the one text the exporter printed. */
    record LoggedSpan(String name, String traceId, String kind, String attributes) {
        static Optional<LoggedSpan> of(String line) {
            Matcher matcher = SPAN.matcher(line);
            return matcher.find()
                    ? Optional.of(
                            new LoggedSpan(matcher.group(1), matcher.group(2), matcher.group(4), matcher.group(5)))
                    : Optional.empty();
        }
    }

    @Given("the operators read the traces the gateway writes from now on")
    public void readFromNow() {
        mark = log.mark();
    }

    @Then("her callback was traced as one request with the steps state, exchange, persist and sync, in that order,"
            + " each for Sandbox")
    public void tracedAsOneRequest() {
        LoggedSpan request = callbackSpan();
        assertThat(request.kind()).isEqualTo("SERVER");
        List<LoggedSpan> steps = spans().stream()
                .filter(span -> span.traceId().equals(request.traceId()))
                .filter(span -> !span.name().equals(CALLBACK))
                .toList();
        // each span is logged as it ends: the steps one after the other, all before the request that holds them
        assertThat(steps).extracting(LoggedSpan::name).containsExactly("state", "exchange", "persist", "sync");
        assertThat(steps).extracting(LoggedSpan::kind).containsOnly("INTERNAL");
        assertThat(steps).allSatisfy(step -> assertThat(step.attributes()).contains("wearables.provider=sandbox"));
        assertThat(steps.get(0).attributes()).contains("wearables.outcome=taken");
        assertThat(steps.get(1).attributes()).contains("wearables.outcome=exchanged");
        assertThat(steps.get(2).attributes()).contains("wearables.outcome=connected");
        assertThat(steps.get(3).attributes()).contains("wearables.outcome=queued");
    }

    @Then("the traced request shows that it had a query, but neither her code nor her state")
    public void noSecretInTheTrace() {
        LoggedSpan request = callbackSpan();
        assertThat(request.attributes())
                .contains("url.query=\"[redacted]\"")
                .contains("url.path=\"/v1/wearables/{provider}/callback\"");
        List<String> written = log.linesSince(mark);
        assertThat(journey.code).isNotBlank();
        assertThat(journey.state).isNotBlank();
        assertThat(written)
                .noneMatch(line -> line.contains(journey.code))
                .noneMatch(line -> line.contains(journey.state));
    }

    /** The one callback request traced since the mark. */
    private LoggedSpan callbackSpan() {
        return Poll.until(
                        "the callback's span is in the first instance's log",
                        () -> spans().stream()
                                .filter(span -> span.name().equals(CALLBACK))
                                .toList(),
                        found -> found.size() == 1)
                .get(0);
    }

    private List<LoggedSpan> spans() {
        return log.linesSince(mark).stream()
                .map(LoggedSpan::of)
                .flatMap(Optional::stream)
                .toList();
    }
}
