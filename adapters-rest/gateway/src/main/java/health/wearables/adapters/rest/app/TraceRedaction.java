package health.wearables.adapters.rest.app;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;

/**
 * Keeps query strings out of every exported span. MicroProfile Telemetry records a request's query as its server
 * span's {@code url.query}; the callback's carries the authorization code and the state (OAuth 1.0a's the token and
 * the verifier), and a request that no route takes may carry anything. Liberty makes that span current only inside its
 * own filters, after the application's, so nothing in a request can overwrite the attribute in time: instead every
 * exporter the server configures (OTLP, logging) is wrapped, and each span leaves with its query, whole URL and
 * request target replaced by {@value #REDACTED}. Found by OpenTelemetry's SDK through {@code META-INF/services}.
 */
public final class TraceRedaction implements AutoConfigurationCustomizerProvider {
    static final String REDACTED = "[redacted]";
    static final List<AttributeKey<String>> CARRY_THE_QUERY = List.of(
            AttributeKey.stringKey("url.query"),
            AttributeKey.stringKey("url.full"),
            AttributeKey.stringKey("http.target"),
            AttributeKey.stringKey("http.url"));

    @Override
    public void customize(AutoConfigurationCustomizer customizer) {
        customizer.addSpanExporterCustomizer((exporter, config) -> new Redacting(exporter));
    }

    static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
    static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");

    static SpanData redacted(SpanData span) {
        Attributes attributes = span.getAttributes();
        if (attributes.get(PATH) == null && CARRY_THE_QUERY.stream().noneMatch(key -> attributes.get(key) != null)) {
            return span;
        }
        var kept = attributes.toBuilder();
        for (AttributeKey<String> key : CARRY_THE_QUERY) {
            if (attributes.get(key) != null) {
                kept.put(key, REDACTED);
            }
        }
        // A path can carry a secret too (the connect page's link token) and the patient's id: it leaves as its route's
        // template (/v1/wearables/connect-page/{token}), or redacted where no route matched.
        if (attributes.get(PATH) != null) {
            String route = attributes.get(ROUTE);
            kept.put(PATH, route != null ? route : REDACTED);
        }
        Attributes safe = kept.build();
        return new DelegatingSpanData(span) {
            @Override
            public Attributes getAttributes() {
                return safe;
            }
        };
    }

    /** An exporter that hands on every span redacted. */
    static final class Redacting implements SpanExporter {
        private final SpanExporter exporter;

        Redacting(SpanExporter exporter) {
            this.exporter = exporter;
        }

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return exporter.export(spans.stream().map(TraceRedaction::redacted).toList());
        }

        @Override
        public CompletableResultCode flush() {
            return exporter.flush();
        }

        @Override
        public CompletableResultCode shutdown() {
            return exporter.shutdown();
        }
    }
}
