package health.wearables.adapters.rest.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** What leaves through an exporter that {@link TraceRedaction} wrapped: no query, whatever the span recorded. */
class TraceRedactionTest {
    private static final String QUERY = "code=code-5f1c9a7e3b2d&state=state-9DELxGEuQdCBbO1YMN9Kjk";

    private final InMemorySpanExporter received = InMemorySpanExporter.create();

    @Test
    void the_query_whole_url_and_target_leave_redacted_and_the_rest_as_recorded() {
        SpanData span = exportOne(tracer -> tracer.spanBuilder("GET /v1/wearables/{provider}/callback")
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("url.path", "/v1/wearables/oura/callback")
                .setAttribute("url.query", QUERY)
                .setAttribute("url.full", "http://localhost:9080/v1/wearables/oura/callback?" + QUERY)
                .setAttribute("http.target", "/v1/wearables/oura/callback?" + QUERY)
                .setAttribute("http.response.status_code", 200L));

        assertThat(span.getAttributes().get(AttributeKey.stringKey("url.query")))
                .isEqualTo("[redacted]");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("url.full"))).isEqualTo("[redacted]");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("http.target")))
                .isEqualTo("[redacted]");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("url.path"))).isEqualTo("[redacted]");
        assertThat(span.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
                .isEqualTo(200L);
        assertThat(span.getName()).isEqualTo("GET /v1/wearables/{provider}/callback");
        assertThat(span.toString()).doesNotContain("code-5f1c9a7e3b2d").doesNotContain("state-9DEL");
    }

    @Test
    void a_path_leaves_as_its_route_template_so_a_token_in_it_does_not() {
        SpanData span = exportOne(tracer -> tracer.spanBuilder("GET /v1/wearables/connect-page/{token}")
                .setAttribute("url.path", "/v1/wearables/connect-page/Jq0m3Yx8c2Vb7Nw1Rt5Lk9Hs4Dp6Fz0Ga2Ue8Oi3Ty7")
                .setAttribute("http.route", "/v1/wearables/connect-page/{token}"));

        assertThat(span.getAttributes().get(AttributeKey.stringKey("url.path")))
                .isEqualTo("/v1/wearables/connect-page/{token}");
        assertThat(span.toString()).doesNotContain("Jq0m3Yx8c2Vb7Nw1");
    }

    @Test
    void a_span_without_a_query_leaves_unchanged() {
        SpanData span = exportOne(tracer -> tracer.spanBuilder("state").setAttribute("wearables.outcome", "taken"));

        assertThat(span.getAttributes().asMap()).hasSize(1);
        assertThat(span.getAttributes().get(AttributeKey.stringKey("wearables.outcome")))
                .isEqualTo("taken");
    }

    @Test
    void the_sdk_finds_the_customizer_through_the_service_file() {
        assertThat(
                        ServiceLoader.load(
                                        io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider
                                                .class)
                                .stream()
                                .map(ServiceLoader.Provider::type))
                .contains(TraceRedaction.class);
    }

    /** Records one span through the wrapped exporter (the simple processor exports it as it ends). */
    private SpanData exportOne(
            java.util.function.Function<io.opentelemetry.api.trace.Tracer, io.opentelemetry.api.trace.SpanBuilder>
                    build) {
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(new TraceRedaction.Redacting(received)))
                .build()) {
            Span span = build.apply(provider.get("test")).startSpan();
            span.end();
            List<SpanData> spans = received.getFinishedSpanItems();
            assertThat(spans).hasSize(1);
            return spans.get(0);
        }
    }
}
