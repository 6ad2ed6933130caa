package health.wearables.adapters.rest.out.provider;

import static health.wearables.adapters.rest.out.provider.ProviderSimulator.Answer.body;
import static health.wearables.adapters.rest.out.provider.ProviderSimulator.Answer.json;
import static health.wearables.adapters.rest.out.provider.TestProviders.CLIENT_SECRET;
import static health.wearables.adapters.rest.out.provider.TestProviders.CODE;
import static health.wearables.adapters.rest.out.provider.TestProviders.REDIRECT_URI;
import static health.wearables.adapters.rest.out.provider.TestProviders.SLUG;
import static health.wearables.adapters.rest.out.provider.TestProviders.VERIFIER;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.RefreshToken;
import health.wearables.domain.callback.ExchangeResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * Secrets never reach the logs: the token endpoint below echoes every secret it can in every way it can fail, and
 * everything logged anywhere in the JVM during the exchanges and the refreshes (the refresh token sent is one of the
 * secrets; at every level, stack traces included) is searched.
 */
class HttpTokenExchangeLoggingTest {
    private static final String ACCESS_TOKEN = "access-token-5d2b-DO-NOT-LOG";
    private static final String REFRESH_TOKEN = "refresh-token-8e4c-DO-NOT-LOG";
    private static final List<String> SECRETS =
            List.of(ACCESS_TOKEN, REFRESH_TOKEN, CODE.value(), VERIFIER.value(), CLIENT_SECRET);
    private static final String ECHO = String.join(" ", SECRETS);

    private static final List<ProviderSimulator.Answer> ANSWERS = List.of(
            ProviderSimulator.Answer.bearer(ACCESS_TOKEN, REFRESH_TOKEN, 3600),
            json(
                    200,
                    "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"Bearer\",\"refresh_token\":\""
                            + REFRESH_TOKEN + "\",\"scope\":\"activity " + CLIENT_SECRET + "\"}"),
            json(500, "{\"error\":\"server_error\",\"error_description\":\"" + ECHO + "\"}"),
            json(401, "{\"error\":\"invalid_client\",\"error_description\":\"" + ECHO + "\"}"),
            json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"" + ECHO + "\"}"),
            json(200, "{\"error\":\"" + ACCESS_TOKEN + "\"}"),
            json(400, "{\"error\":\"" + ECHO + "\\n" + CLIENT_SECRET + "\"}"),
            json(
                    200,
                    "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"mac\",\"refresh_token\":\""
                            + REFRESH_TOKEN + "\"}"),
            json(200, "{\"access_token\":\"" + ACCESS_TOKEN + " " + ECHO + "\",\"token_type\":\"Bearer\"}"),
            json(
                    200,
                    "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"Bearer\",\"refresh_token\":\""
                            + REFRESH_TOKEN + "\""),
            json(200, "{\"access_token\":" + ACCESS_TOKEN + ",\"token_type\":\"Bearer\"}"),
            body(200, "text/html", "<html><p>" + ECHO + "</p></html>"),
            ProviderSimulator.Answer.drip("{\"access_token\":\"" + ACCESS_TOKEN + "\"", Duration.ofMillis(50)));

    @Test
    void no_token_code_verifier_or_secret_is_ever_logged_by_an_exchange_or_a_refresh() {
        List<ExchangeResult> results = new ArrayList<>();
        List<String> lines;
        try (ProviderSimulator simulator = ProviderSimulator.start();
                LogCapture log = LogCapture.everything()) {
            TokenEndpointLimits limits =
                    new TokenEndpointLimits(Duration.ofSeconds(1), Duration.ofMillis(500), 64 * 1024);
            HttpTokenExchange exchange = new HttpTokenExchange(limits, Clock.systemUTC());
            HttpTokenRefresh refresh = new HttpTokenRefresh(limits, Clock.systemUTC());
            for (ClientAuthentication authentication : ClientAuthentication.values()) {
                ConfiguredProvider provider = TestProviders.simulated(simulator, authentication);
                for (ProviderSimulator.Answer answer : ANSWERS) {
                    simulator.answer(answer);
                    results.add(exchange.exchange(provider, CODE, Optional.of(VERIFIER), REDIRECT_URI));
                    results.add(refresh.refresh(provider, new RefreshToken(REFRESH_TOKEN)));
                }
            }
            lines = log.lines();
            assertThat(log.records())
                    .extracting(record -> record.getLevel())
                    .contains(Level.FINE, Level.WARNING, Level.SEVERE);
        }

        assertThat(results)
                .hasSize(2 * 2 * ANSWERS.size())
                .hasAtLeastOneElementOfType(ExchangeResult.Exchanged.class)
                .hasAtLeastOneElementOfType(ExchangeResult.Refused.class)
                .hasAtLeastOneElementOfType(ExchangeResult.Failed.class);
        assertThat(lines).isNotEmpty().anyMatch(line -> line.contains(SLUG));
        assertThat(lines)
                .as("log lines containing a secret")
                .filteredOn(line -> SECRETS.stream().anyMatch(line::contains))
                .isEmpty();
    }
}
