package health.wearables.acceptance.steps;

import health.wearables.adapters.rest.out.provider.data.simulator.DemoSimulator;
import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * Sandbox's data API, as the gateway under test was configured to read it ({@code data-api=demo}, its API base on a
 * fixed loopback port): the demo provider's data simulator, serving every Sandbox account the same few days of daily
 * steps and resting heart rate, and accepting any access token Sandbox's authorization server (mock-oauth2-server)
 * issued. Small on purpose: every scenario that connects a Sandbox account syncs it.
 */
public final class SandboxData {
    /** Days of data every Sandbox account has: yesterday and the days before. */
    static final int DAYS = 3;
    /** Observations a first sync of a Sandbox account writes: a day of steps and a resting heart rate per day. */
    static final int OBSERVATIONS = 2 * DAYS;

    private static DemoSimulator simulator;

    @BeforeAll
    public static void start() {
        simulator = DemoSimulator.start(
                Settings.simulatorsBindAddress(), Integer.parseInt(Settings.get("sandbox-data.port")));
        simulator.acceptTokensWhere(SandboxData::issuedBySandbox);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int back = 1; back <= DAYS; back++) {
            LocalDate day = today.minusDays(back);
            Instant start = day.atStartOfDay().toInstant(ZoneOffset.UTC);
            simulator.span("steps/" + day, "daily-steps", 6_000 + 731 * back, start, start.plus(Duration.ofDays(1)));
            simulator.point("resting-heart-rate/" + day, "resting-heart-rate", 57 + back, start.plusSeconds(7 * 3600));
        }
    }

    @AfterAll
    public static void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    /**
     * A JWT whose issuer is Sandbox's at the run's mock-oauth2-server, or Login Sandbox's at the one with a sign-in
     * form (the token endpoint checked the rest): both are the demo provider.
     */
    private static boolean issuedBySandbox(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            String issuer = Json.parse(payload).path("iss").asText();
            return issuer.endsWith(":" + Settings.oauthPort() + "/sandbox")
                    || issuer.endsWith(":" + Settings.oauthLoginPort() + "/loginsandbox");
        } catch (RuntimeException notAJwt) {
            return false;
        }
    }
}
