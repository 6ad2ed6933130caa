package health.wearables.adapters.rest.out.provider;

import static health.wearables.adapters.rest.out.provider.ProviderSimulator.Answer.body;
import static health.wearables.adapters.rest.out.provider.ProviderSimulator.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.RefreshToken;
import health.wearables.domain.TokenSet;
import health.wearables.domain.callback.ExchangeResult;
import health.wearables.domain.callback.ExchangeResult.Exchanged;
import health.wearables.domain.callback.ExchangeResult.Failed;
import health.wearables.domain.callback.ExchangeResult.Refused;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The refresh grant (RFC 6749 §6) against the fault simulator: sent once, and whatever the token endpoint does, the
 * outcome is typed (hostile cases 49 and 50 at the HTTP client).
 */
class HttpTokenRefreshTest extends SimulatorTest {
    private static final RefreshToken REFRESH_TOKEN = new RefreshToken("refresh-token-3a9f-DO-NOT-LOG");

    private ExchangeResult refresh(RefreshToken refreshToken) {
        return new HttpTokenRefresh(SHORT_DEADLINE, Clock.fixed(NOW, ZoneOffset.UTC))
                .refresh(TestProviders.simulated(simulator, ClientAuthentication.BASIC), refreshToken);
    }

    private ExchangeResult answeredWith(ProviderSimulator.Answer answer) {
        simulator.answer(answer);
        ExchangeResult result = refresh(REFRESH_TOKEN);
        assertThat(simulator.tokenCalls()).as("token endpoint calls").isEqualTo(1);
        return result;
    }

    private static TokenSet exchanged(ExchangeResult result) {
        assertThat(result).isInstanceOf(Exchanged.class);
        return ((Exchanged) result).tokens();
    }

    @Test
    void a_rotating_refresh_token_works_once_and_the_new_one_works_next() {
        simulator.answer(simulator.rotatingRefreshTokens(REFRESH_TOKEN.value()));

        TokenSet first = exchanged(refresh(REFRESH_TOKEN));
        assertThat(first.accessToken().value()).isEqualTo("access-1");
        assertThat(first.refreshToken()).contains(new RefreshToken(REFRESH_TOKEN.value() + "-1"));
        assertThat(first.accessTokenExpiresAt()).contains(NOW.plusSeconds(3600));
        assertThat(simulator.lastTokenRequest().orElseThrow().form())
                .containsEntry("grant_type", "refresh_token")
                .containsEntry("refresh_token", REFRESH_TOKEN.value());

        assertThat(refresh(REFRESH_TOKEN)).as("the used one again").isEqualTo(new Refused("invalid_grant"));

        TokenSet second = exchanged(refresh(first.refreshToken().orElseThrow()));
        assertThat(second.refreshToken()).contains(new RefreshToken(REFRESH_TOKEN.value() + "-2"));
        assertThat(simulator.tokenCalls())
                .as("one call per refresh, never a retry")
                .isEqualTo(3);
    }

    @Test
    void an_answer_without_a_refresh_token_is_a_token_set_without_one() {
        TokenSet tokens = exchanged(answeredWith(
                json(200, "{\"access_token\":\"new-access\",\"token_type\":\"Bearer\",\"expires_in\":600}")));

        assertThat(tokens.accessToken().value()).isEqualTo("new-access");
        assertThat(tokens.refreshToken()).isEmpty();
        assertThat(tokens.accessTokenExpiresAt()).contains(NOW.plusSeconds(600));
    }

    /** Each answer, and what the refresh makes of it after exactly one call. */
    static Stream<Arguments> answers() {
        return Stream.of(
                arguments(
                        "invalid_grant",
                        json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"expired\"}"),
                        new Refused("invalid_grant")),
                arguments(
                        "another OAuth error",
                        json(400, "{\"error\":\"invalid_scope\"}"),
                        new Refused("invalid_scope")),
                arguments(
                        "HTTP 500",
                        json(500, "{\"error\":\"server_error\"}"),
                        new Failed("token endpoint answered HTTP 500")),
                arguments(
                        "HTTP 429",
                        body(429, "text/plain", "slow down"),
                        new Failed("body is not a JSON object (HTTP 429)")),
                arguments(
                        "a hang past the deadline",
                        ProviderSimulator.Answer.hang(),
                        new Failed("no complete answer within 500 ms")),
                arguments(
                        "a malformed body",
                        json(200, "{\"access_token\":\"new-access\",\"token_type\":"),
                        new Failed("body is not a JSON object (HTTP 200)")),
                arguments(
                        "an oversized body",
                        ProviderSimulator.Answer.oversized(128 * 1024, false),
                        new Failed("response body over 65536 bytes")),
                arguments(
                        "a redirect",
                        ProviderSimulator.Answer.redirect(URI.create("http://127.0.0.1:9/oauth2/token")),
                        new Failed("token endpoint redirected (HTTP 302); redirects are not followed")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void every_refusal_or_fault_is_typed_after_one_call(
            String name, ProviderSimulator.Answer answer, ExchangeResult expected) {
        assertThat(answeredWith(answer)).as(name).isEqualTo(expected);
    }
}
