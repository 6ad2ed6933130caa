package health.wearables.adapters.rest.out.provider.data;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.adapters.rest.out.provider.TokenEndpointLimits;
import health.wearables.adapters.rest.out.provider.data.simulator.DataSimulator;
import health.wearables.adapters.rest.out.provider.data.simulator.DataSimulator.Fault;
import health.wearables.adapters.rest.out.provider.data.simulator.OuraSimulator;
import health.wearables.application.port.out.ProviderData;
import health.wearables.application.port.out.ProviderData.DataRequest;
import health.wearables.application.port.out.ProviderData.Unreadable;
import health.wearables.domain.AccessToken;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.sync.SyncWindow;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/** The dispatch by slug and what the adapter logs. */
class HttpProviderDataTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final SyncWindow WINDOW = new SyncWindow(NOW.minusSeconds(86_400), NOW);
    private final ProviderData data =
            HttpProviderData.standard(TokenEndpointLimits.DEFAULTS, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_provider_without_a_data_client_is_not_read() {
        assertThat(data.reads(new ProviderSlug("strava"))).isFalse();
        assertThat(data.read(
                        new DataRequest(
                                new ProviderSlug("strava"),
                                URI.create("http://127.0.0.1:9"),
                                new AccessToken("t"),
                                Optional.empty(),
                                WINDOW),
                        Optional.empty()))
                .isEqualTo(new Unreadable("no data client for this provider"));
    }

    @Test
    void logs_name_the_provider_and_our_reason_never_the_token_or_the_body() {
        try (OuraSimulator oura = OuraSimulator.start();
                Capture logs = new Capture()) {
            oura.failNext(Fault.json(503, "{\"error\":\"BODY-DO-NOT-LOG\"}"));
            DataRequest request = new DataRequest(
                    new ProviderSlug("oura"),
                    oura.apiBase(),
                    new AccessToken(DataSimulator.ACCESS_TOKEN),
                    Optional.of("user-DO-NOT-LOG"),
                    WINDOW);

            data.read(request, Optional.empty());

            assertThat(logs.lines())
                    .anySatisfy(line ->
                            assertThat(line).contains("oura").contains("oura daily_activity: answered HTTP 503"));
            assertThat(logs.lines())
                    .noneSatisfy(line ->
                            assertThat(line).containsAnyOf(DataSimulator.ACCESS_TOKEN, "DO-NOT-LOG", "127.0.0.1"));
        }
    }

    /** What reaches java.util.logging under the adapter's logger while open. */
    private static final class Capture extends Handler implements AutoCloseable {
        private final Logger logger = Logger.getLogger(HttpProviderData.class.getName());
        private final List<String> lines = new ArrayList<>();
        private final SimpleFormatter formatter = new SimpleFormatter();

        Capture() {
            setLevel(Level.ALL);
            logger.setLevel(Level.ALL);
            logger.addHandler(this);
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            lines.add(formatter.format(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {
            logger.removeHandler(this);
            logger.setLevel(null);
        }
    }
}
