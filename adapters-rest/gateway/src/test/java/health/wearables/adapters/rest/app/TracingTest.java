package health.wearables.adapters.rest.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TracingTest {

    @Test
    void opentelemetry_switched_on_for_the_whole_server_is_refused() {
        assertThat(Tracing.serverWide(Map.of("OTEL_SDK_DISABLED", "false"), new Properties()))
                .isTrue();
        assertThat(Tracing.serverWide(Map.of("OTEL_SDK_DISABLED", " FALSE "), new Properties()))
                .isTrue();
        Properties on = new Properties();
        on.setProperty("otel.sdk.disabled", "false");
        assertThat(Tracing.serverWide(Map.of(), on)).isTrue();
    }

    @Test
    void the_gateway_own_switch_and_a_server_wide_off_are_accepted() {
        assertThat(Tracing.serverWide(Map.of("WEARABLES_OTEL_SDK_DISABLED", "false"), new Properties()))
                .isFalse();
        assertThat(Tracing.serverWide(Map.of("OTEL_SDK_DISABLED", "true"), new Properties()))
                .isFalse();
        assertThat(Tracing.serverWide(Map.of(), new Properties())).isFalse();
    }
}
