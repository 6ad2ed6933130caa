package health.wearables.acceptance.steps;

import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * The operators' trace collector: an OTLP/HTTP receiver in the test JVM (port {@code otlp.port}, path
 * {@code /v1/traces}) to which the second instance exports its spans. Each request is read with OpenTelemetry's own
 * protocol classes ({@code opentelemetry-proto}), not with anything of the gateway's, and answered as a collector
 * answers: {@code 200} with an empty {@code ExportTraceServiceResponse}; a body that is not one is answered {@code 400}
 * and counted. Run-wide, like the provider simulators.
 */
public final class OtlpCollector {
    /** One span as received: its trace, its parent (empty for a root), and its attributes' values as text. */
    record ReceivedSpan(
            String service,
            String traceId,
            String spanId,
            String parentSpanId,
            String name,
            Span.SpanKind kind,
            long startNanos,
            Map<String, String> attributes) {}

    private static final List<ReceivedSpan> SPANS = new CopyOnWriteArrayList<>();
    private static final List<String> REFUSED = new CopyOnWriteArrayList<>();
    private static HttpServer server;

    @BeforeAll
    public static void start() {
        if (Settings.conformanceRun()) {
            return; // a deployment under test sends its traces where its operators chose
        }
        try {
            server = HttpServer.create(
                    new InetSocketAddress(
                            Settings.simulatorsBindAddress(), Integer.parseInt(Settings.get("otlp.port"))),
                    0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/traces", OtlpCollector::receive);
        server.start();
    }

    @AfterAll
    public static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())
                    || !"application/x-protobuf"
                            .equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                REFUSED.add(exchange.getRequestMethod() + " "
                        + exchange.getRequestHeaders().getFirst("Content-Type"));
                exchange.sendResponseHeaders(415, -1);
                return;
            }
            ExportTraceServiceRequest request;
            try (InputStream body = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody())
                    : exchange.getRequestBody()) {
                request = ExportTraceServiceRequest.parseFrom(body);
            } catch (InvalidProtocolBufferException e) {
                REFUSED.add("not an ExportTraceServiceRequest: " + e.getMessage());
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            for (ResourceSpans resource : request.getResourceSpansList()) {
                String service = text(resource.getResource(), "service.name");
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    for (Span span : scope.getSpansList()) {
                        SPANS.add(received(service, span));
                    }
                }
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    private static ReceivedSpan received(String service, Span span) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (KeyValue attribute : span.getAttributesList()) {
            attributes.put(attribute.getKey(), text(attribute.getValue()));
        }
        HexFormat hex = HexFormat.of();
        return new ReceivedSpan(
                service,
                hex.formatHex(span.getTraceId().toByteArray()),
                hex.formatHex(span.getSpanId().toByteArray()),
                hex.formatHex(span.getParentSpanId().toByteArray()),
                span.getName(),
                span.getKind(),
                span.getStartTimeUnixNano(),
                Map.copyOf(attributes));
    }

    private static String text(Resource resource, String key) {
        return resource.getAttributesList().stream()
                .filter(attribute -> attribute.getKey().equals(key))
                .map(attribute -> text(attribute.getValue()))
                .findFirst()
                .orElse("");
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> value.toString();
        };
    }

    /** Every span received so far in the run. */
    static List<ReceivedSpan> spans() {
        return List.copyOf(SPANS);
    }

    /** Requests that were not OTLP over HTTP with protobuf. */
    static List<String> refused() {
        return List.copyOf(REFUSED);
    }
}
