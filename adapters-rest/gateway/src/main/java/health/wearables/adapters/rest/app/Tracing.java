package health.wearables.adapters.rest.app;

import io.opentelemetry.api.OpenTelemetry;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.interceptor.Interceptor;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The gateway's spans, made from the server's OpenTelemetry (MicroProfile Telemetry) as the application starts.
 * Liberty resolves its telemetry beans from the calling thread's application context, which the sync workers' own
 * threads lack: an {@code OpenTelemetry} or {@code Tracer} first resolved there fails inside Liberty with a
 * NullPointerException (seen: the sync workers' first jobs failed so until a request had resolved it). So the tracer
 * is taken here, on the start-up thread and before anything else observes the start (the sync workers do), and the
 * use cases are built with it from any thread.
 *
 * <p>Traces are configured for this application only (its {@code microprofile-config.properties}): OpenTelemetry
 * switched on through {@code OTEL_*} environment variables or {@code otel.*} system properties makes Liberty run one
 * instance for the whole server, which does not load {@link TraceRedaction}, and its spans would carry the callback's
 * code and state. The gateway refuses to start so.
 */
@ApplicationScoped
public class Tracing {
    private volatile Spans spans = Spans.of(OpenTelemetry.noop());

    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Startup startup, OpenTelemetry telemetry) {
        if (serverWide(System.getenv(), System.getProperties())) {
            throw new IllegalStateException("OpenTelemetry is switched on for the whole server (OTEL_SDK_DISABLED or"
                    + " otel.sdk.disabled is false): its spans would keep request query strings. Unset it and use"
                    + " WEARABLES_OTEL_SDK_DISABLED=false (README, Traces)");
        }
        spans = Spans.of(telemetry);
    }

    /** Whether the server's environment or system properties switch OpenTelemetry on for the whole server. */
    static boolean serverWide(Map<String, String> environment, Properties systemProperties) {
        return isFalse(environment.get("OTEL_SDK_DISABLED"))
                || isFalse(systemProperties.getProperty("otel.sdk.disabled"));
    }

    private static boolean isFalse(String value) {
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals("false");
    }

    Spans spans() {
        return spans;
    }
}
