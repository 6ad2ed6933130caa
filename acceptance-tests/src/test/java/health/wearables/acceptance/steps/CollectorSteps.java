package health.wearables.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.acceptance.steps.OtlpCollector.ReceivedSpan;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** What the operators' trace collector received over OTLP from the second instance ({@link OtlpCollector}). */
public class CollectorSteps {
    private static final String CALLBACK = "GET /v1/wearables/{provider}/callback";

    private final PatientJourney journey;
    private long fromNanos;

    public CollectorSteps(PatientJourney journey) {
        this.journey = journey;
    }

    @Given("the operators' collector looks at the spans of requests from now on")
    public void fromNow() {
        Instant now = Instant.now();
        fromNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Then("the collector received her callback from {string} as one trace: the request, and under it the steps state,"
            + " exchange, persist and sync, in that order, each for Sandbox")
    public void receivedAsOneTrace(String service) {
        // the exporter sends its spans in batches, every few seconds
        ReceivedSpan request = Poll.until(
                        "her callback's span at the collector",
                        () -> OtlpCollector.spans().stream()
                                .filter(span -> span.name().equals(CALLBACK) && span.startNanos() >= fromNanos)
                                .toList(),
                        found -> found.size() == 1,
                        Duration.ofSeconds(30))
                .get(0);
        assertThat(OtlpCollector.refused())
                .as("requests the collector could not read")
                .isEmpty();
        assertThat(request.service()).isEqualTo(service);
        assertThat(request.kind()).isEqualTo(SpanKind.SPAN_KIND_SERVER);
        assertThat(request.parentSpanId()).as("the request is the trace's root").isEmpty();
        List<ReceivedSpan> steps = OtlpCollector.spans().stream()
                .filter(span -> span.traceId().equals(request.traceId()))
                .filter(span -> !span.spanId().equals(request.spanId()))
                .sorted(Comparator.comparingLong(ReceivedSpan::startNanos))
                .toList();
        assertThat(steps).extracting(ReceivedSpan::name).containsExactly("state", "exchange", "persist", "sync");
        assertThat(steps).allSatisfy(step -> {
            assertThat(step.parentSpanId()).as(step.name() + "'s parent").isEqualTo(request.spanId());
            assertThat(step.kind()).isEqualTo(SpanKind.SPAN_KIND_INTERNAL);
            assertThat(step.service()).isEqualTo(service);
            assertThat(step.attributes()).containsEntry("wearables.provider", "sandbox");
        });
        assertThat(steps)
                .extracting(step -> step.attributes().get("wearables.outcome"))
                .containsExactly("taken", "exchanged", "connected", "queued");
        assertThat(request.attributes())
                .containsEntry("url.path", "/v1/wearables/{provider}/callback")
                .containsEntry("url.query", "[redacted]");
    }

    @Then("no span the collector received holds her code or her state")
    public void noSecretAtTheCollector() {
        assertThat(journey.code).isNotBlank();
        assertThat(journey.state).isNotBlank();
        assertThat(OtlpCollector.spans())
                .isNotEmpty()
                .allSatisfy(span -> assertThat(span.name() + " " + span.attributes())
                        .doesNotContain(journey.code)
                        .doesNotContain(journey.state));
    }
}
