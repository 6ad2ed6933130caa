package health.wearables.adapters.rest.out.provider;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test against a fresh {@link ProviderSimulator} per test, with the limits and the instant the tests share. */
abstract class SimulatorTest {
    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    static final TokenEndpointLimits LIMITS =
            new TokenEndpointLimits(Duration.ofSeconds(1), Duration.ofSeconds(5), 64 * 1024);
    /** For the hangs and drips: they cost half a second. */
    static final TokenEndpointLimits SHORT_DEADLINE =
            new TokenEndpointLimits(Duration.ofSeconds(1), Duration.ofMillis(500), 64 * 1024);

    ProviderSimulator simulator;

    @BeforeEach
    void startProvider() {
        simulator = ProviderSimulator.start();
    }

    @AfterEach
    void stopProvider() {
        simulator.close();
    }
}
