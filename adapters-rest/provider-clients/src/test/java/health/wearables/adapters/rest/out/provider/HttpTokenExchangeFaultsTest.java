package health.wearables.adapters.rest.out.provider;

import static health.wearables.adapters.rest.out.provider.ProviderSimulator.Answer.bearer;
import static health.wearables.adapters.rest.out.provider.ProviderSimulator.Answer.body;
import static health.wearables.adapters.rest.out.provider.ProviderSimulator.Answer.json;
import static health.wearables.adapters.rest.out.provider.TestProviders.CLIENT_SECRET;
import static health.wearables.adapters.rest.out.provider.TestProviders.CODE;
import static health.wearables.adapters.rest.out.provider.TestProviders.REDIRECT_URI;
import static health.wearables.adapters.rest.out.provider.TestProviders.SCOPES;
import static health.wearables.adapters.rest.out.provider.TestProviders.SLUG;
import static health.wearables.adapters.rest.out.provider.TestProviders.VERIFIER;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.AccessToken;
import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.PkceVerifier;
import health.wearables.domain.TokenSet;
import health.wearables.domain.callback.ExchangeResult;
import health.wearables.domain.callback.ExchangeResult.Exchanged;
import health.wearables.domain.callback.ExchangeResult.Failed;
import health.wearables.domain.callback.ExchangeResult.Refused;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile cases 27-36: whatever the token endpoint does, the code is sent once and the outcome is typed. */
class HttpTokenExchangeFaultsTest extends SimulatorTest {

    private ExchangeResult exchange() {
        return exchange(LIMITS, ClientAuthentication.BASIC, Optional.of(VERIFIER));
    }

    private ExchangeResult exchange(
            TokenEndpointLimits limits, ClientAuthentication authentication, Optional<PkceVerifier> verifier) {
        ConfiguredProvider provider = TestProviders.simulated(simulator, authentication);
        return new HttpTokenExchange(limits, Clock.fixed(NOW, ZoneOffset.UTC))
                .exchange(provider, CODE, verifier, REDIRECT_URI);
    }

    private ExchangeResult answeredWith(ProviderSimulator.Answer answer) {
        simulator.answer(answer);
        return exchange();
    }

    private Failed failedOnce(ExchangeResult result) {
        assertThat(simulator.tokenCalls()).as("token endpoint calls").isEqualTo(1);
        assertThat(result).isInstanceOf(Failed.class);
        return (Failed) result;
    }

    private TokenSet exchangedOnce(ExchangeResult result) {
        assertThat(simulator.tokenCalls()).as("token endpoint calls").isEqualTo(1);
        assertThat(result).isInstanceOf(Exchanged.class);
        return ((Exchanged) result).tokens();
    }

    private static String tokenResponse(String members) {
        return "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\"" + (members.isEmpty() ? "" : "," + members) + "}";
    }

    @Nested
    class ServerFaults {
        @ParameterizedTest
        @ValueSource(ints = {500, 503})
        void server_error_fails_without_retry(int status) {
            Failed failed = failedOnce(answeredWith(json(status, "{\"error\":\"server_error\"}")));
            assertThat(failed.reason()).contains(String.valueOf(status));
        }

        @Test
        void hanging_endpoint_fails_at_the_deadline() {
            simulator.answer(ProviderSimulator.Answer.hang());
            long started = System.nanoTime();
            ExchangeResult result = exchange(SHORT_DEADLINE, ClientAuthentication.BASIC, Optional.of(VERIFIER));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(failedOnce(result).reason()).contains("500 ms");
            assertThat(took).isLessThan(Duration.ofSeconds(2));
        }

        @Test
        void slow_drip_fails_at_the_deadline_although_headers_came_fast() {
            simulator.answer(ProviderSimulator.Answer.drip(tokenResponse(""), Duration.ofMillis(100)));
            long started = System.nanoTime();
            ExchangeResult result = exchange(SHORT_DEADLINE, ClientAuthentication.BASIC, Optional.of(VERIFIER));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(failedOnce(result).reason()).contains("500 ms");
            assertThat(took).isLessThan(Duration.ofSeconds(2));
        }

        @ParameterizedTest
        @ValueSource(booleans = {true, false})
        void body_over_the_cap_is_abandoned(boolean announceLength) {
            Failed failed = failedOnce(answeredWith(ProviderSimulator.Answer.oversized(1024 * 1024, announceLength)));
            assertThat(failed.reason()).contains("65536 bytes");
        }

        @Test
        void connection_refused_fails() {
            URI closedPort = simulator.tokenUri();
            simulator.close();
            ConfiguredProvider provider = TestProviders.provider(
                    URI.create("https://acme-fit.example/authorize"), closedPort, ClientAuthentication.BASIC);

            ExchangeResult result = new HttpTokenExchange(LIMITS, Clock.systemUTC())
                    .exchange(provider, CODE, Optional.empty(), REDIRECT_URI);

            assertThat(result).isInstanceOf(Failed.class);
        }

        @Test
        void redirect_is_not_followed() {
            try (ProviderSimulator elsewhere = ProviderSimulator.start()) {
                elsewhere.answer(bearer("at-elsewhere", "rt-elsewhere", 3600));

                failedOnce(answeredWith(ProviderSimulator.Answer.redirect(elsewhere.tokenUri())));

                assertThat(elsewhere.tokenCalls() + elsewhere.otherCalls()).isZero();
            }
        }
    }

    @Nested
    class NotATokenResponse {
        @Test
        void malformed_json_fails() {
            failedOnce(answeredWith(json(200, "{\"access_token\": at-1, token_type: Bearer}")));
        }

        @Test
        void truncated_json_fails() {
            failedOnce(answeredWith(json(200, "{\"access_token\":\"at-1\",\"token_type\":\"Bea")));
        }

        @Test
        void html_page_with_200_fails() {
            failedOnce(answeredWith(body(200, "text/html", "<html><body><h1>Sign in</h1></body></html>")));
        }

        @Test
        void empty_200_fails() {
            failedOnce(answeredWith(ProviderSimulator.Answer.empty(200)));
        }

        @Test
        void json_array_fails() {
            failedOnce(answeredWith(json(200, "[" + tokenResponse("") + "]")));
        }

        @Test
        void deeply_nested_json_fails_without_blowing_the_stack() {
            failedOnce(answeredWith(json(200, "{\"a\":" + "[".repeat(60_000))));
        }

        @Test
        void client_error_without_oauth_error_fails() {
            failedOnce(answeredWith(json(404, "{\"message\":\"not found\"}")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"mac", "DPoP", "", "bearer-ish"})
        void token_type_other_than_bearer_fails(String tokenType) {
            Failed failed = failedOnce(
                    answeredWith(json(200, "{\"access_token\":\"at-1\",\"token_type\":\"" + tokenType + "\"}")));
            assertThat(failed.reason()).contains("token_type");
        }

        @Test
        void missing_token_type_fails() {
            failedOnce(answeredWith(json(200, "{\"access_token\":\"at-1\"}")));
        }

        @Test
        void missing_access_token_fails() {
            Failed failed = failedOnce(answeredWith(json(200, "{\"token_type\":\"Bearer\",\"expires_in\":3600}")));
            assertThat(failed.reason()).contains("access_token");
        }

        @Test
        void empty_access_token_fails() {
            Failed failed = failedOnce(answeredWith(json(200, "{\"access_token\":\"\",\"token_type\":\"Bearer\"}")));
            assertThat(failed.reason()).contains("access_token");
        }

        @Test
        void access_token_over_8_kib_fails() {
            String huge = "a".repeat(AccessToken.MAX_LENGTH + 1);
            Failed failed = failedOnce(
                    answeredWith(json(200, "{\"access_token\":\"" + huge + "\",\"token_type\":\"Bearer\"}")));
            assertThat(failed.reason()).contains("access_token");
        }

        @Test
        void refresh_token_over_8_kib_fails() {
            String huge = "r".repeat(AccessToken.MAX_LENGTH + 1);
            Failed failed = failedOnce(answeredWith(json(200, tokenResponse("\"refresh_token\":\"" + huge + "\""))));
            assertThat(failed.reason()).contains("refresh_token");
        }
    }

    @Nested
    class Refusals {
        @Test
        void invalid_grant_with_400_is_refused() {
            ExchangeResult result = answeredWith(
                    json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"code already used\"}"));

            assertThat(simulator.tokenCalls()).isEqualTo(1);
            assertThat(result).isEqualTo(new Refused("invalid_grant"));
            assertThat(((Refused) result).isInvalidGrant()).isTrue();
        }

        @Test
        void error_with_200_is_refused() {
            ExchangeResult result = answeredWith(json(200, "{\"error\":\"invalid_grant\"}"));

            assertThat(simulator.tokenCalls()).isEqualTo(1);
            assertThat(result).isEqualTo(new Refused("invalid_grant"));
        }

        @Test
        void invalid_client_is_refused_and_logged_as_a_configuration_error_without_the_secret() {
            ExchangeResult result;
            try (LogCapture log = LogCapture.of(HttpTokenExchange.class)) {
                result = answeredWith(json(401, "{\"error\":\"invalid_client\"}"));

                assertThat(log.records()).anySatisfy(record -> {
                    assertThat(record.getLevel()).isEqualTo(Level.SEVERE);
                    assertThat(record.getMessage())
                            .contains("provider " + SLUG)
                            .contains("wearables.providers." + SLUG + ".client-id / client-secret");
                });
                assertThat(log.lines()).noneMatch(line -> line.contains(CLIENT_SECRET));
            }
            assertThat(simulator.tokenCalls()).isEqualTo(1);
            assertThat(result).isEqualTo(new Refused("invalid_client"));
        }

        @Test
        void error_code_outside_the_rfc_syntax_fails() {
            failedOnce(answeredWith(json(400, "{\"error\":\"bad\\nline\"}")));
        }

        @Test
        void error_that_is_not_a_string_fails() {
            failedOnce(answeredWith(json(400, "{\"error\":42}")));
        }
    }

    @Nested
    class ValidResponses {
        @Test
        void token_type_is_compared_case_insensitively() {
            TokenSet tokens = exchangedOnce(answeredWith(
                    json(200, "{\"access_token\":\"at-1\",\"token_type\":\"BEARER\",\"expires_in\":3600}")));

            assertThat(tokens.accessToken().value()).isEqualTo("at-1");
        }

        @Test
        void full_response_is_normalised() {
            TokenSet tokens = exchangedOnce(
                    answeredWith(
                            json(
                                    200,
                                    tokenResponse(
                                            "\"refresh_token\":\"rt-1\",\"expires_in\":3600,\"scope\":\"activity sleep\",\"user_id\":\"U-42\""))));

            assertThat(tokens.accessToken().value()).isEqualTo("at-1");
            assertThat(tokens.refreshToken()).map(token -> token.value()).contains("rt-1");
            assertThat(tokens.accessTokenExpiresAt()).contains(NOW.plusSeconds(3600));
            assertThat(tokens.scopes()).containsExactly("activity", "sleep");
            assertThat(tokens.providerUserId()).contains("U-42");
        }

        @Test
        void missing_refresh_token_gives_a_non_refreshable_token_set() {
            TokenSet tokens = exchangedOnce(answeredWith(json(200, tokenResponse("\"expires_in\":3600"))));

            assertThat(tokens.refreshToken()).isEmpty();
            assertThat(tokens.accessTokenExpiresAt()).contains(NOW.plusSeconds(3600));
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"\"", "\" \"", "null"})
        void empty_refresh_token_counts_as_missing(String refreshToken) {
            TokenSet tokens =
                    exchangedOnce(answeredWith(json(200, tokenResponse("\"refresh_token\":" + refreshToken))));

            assertThat(tokens.refreshToken()).isEmpty();
        }

        @Test
        void missing_expires_in_gives_no_expiry() {
            TokenSet tokens = exchangedOnce(answeredWith(json(200, tokenResponse(""))));

            assertThat(tokens.accessTokenExpiresAt()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-5"})
        void zero_or_negative_expires_in_means_expired_now(String expiresIn) {
            TokenSet tokens = exchangedOnce(answeredWith(json(200, tokenResponse("\"expires_in\":" + expiresIn))));

            assertThat(tokens.accessTokenExpiresAt()).contains(NOW);
        }

        @Test
        void non_numeric_expires_in_counts_as_missing() {
            TokenSet tokens = exchangedOnce(answeredWith(json(200, tokenResponse("\"expires_in\":\"abc\""))));

            assertThat(tokens.accessTokenExpiresAt()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"1000000000000", "123456789012345678901234567890", "1e400"})
        void absurd_expires_in_is_clamped(String expiresIn) {
            TokenSet tokens = exchangedOnce(answeredWith(json(200, tokenResponse("\"expires_in\":" + expiresIn))));

            assertThat(tokens.accessTokenExpiresAt()).contains(NOW.plus(TokenSet.MAX_LIFETIME));
        }

        @Test
        void numeric_string_expires_in_is_read() {
            TokenSet tokens = exchangedOnce(answeredWith(json(200, tokenResponse("\"expires_in\":\"3600\""))));

            assertThat(tokens.accessTokenExpiresAt()).contains(NOW.plusSeconds(3600));
        }

        @Test
        void comma_separated_scopes_are_split() {
            TokenSet tokens =
                    exchangedOnce(answeredWith(json(200, tokenResponse("\"scope\":\"activity,heartrate, sleep\""))));

            assertThat(tokens.scopes()).containsExactly("activity", "heartrate", "sleep");
        }

        @Test
        void missing_scope_means_the_configured_scopes() {
            TokenSet tokens = exchangedOnce(answeredWith(json(200, tokenResponse(""))));

            assertThat(tokens.scopes()).isEqualTo(SCOPES);
        }

        @Test
        void numeric_user_id_is_kept_as_text() {
            TokenSet tokens = exchangedOnce(answeredWith(json(200, tokenResponse("\"user_id\":12345678901"))));

            assertThat(tokens.providerUserId()).contains("12345678901");
        }

        @Test
        void missing_user_id_gives_no_provider_user_id() {
            TokenSet tokens = exchangedOnce(answeredWith(json(200, tokenResponse(""))));

            assertThat(tokens.providerUserId()).isEmpty();
        }
    }

    @Nested
    class TheRequest {
        @Test
        void basic_authentication_url_encodes_id_and_secret_as_rfc6749_requires() {
            String clientId = "gateway client:1";
            String secret = "s3cr/t+:é%";
            ConfiguredProvider provider = TestProviders.provider(
                    URI.create("https://acme-fit.example/authorize"),
                    simulator.tokenUri(),
                    ClientAuthentication.BASIC,
                    clientId,
                    secret);
            simulator.answer(bearer("at-1", "rt-1", 3600));

            new HttpTokenExchange(LIMITS, Clock.systemUTC()).exchange(provider, CODE, Optional.empty(), REDIRECT_URI);

            String expected = Base64.getEncoder()
                    .encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                                    + URLEncoder.encode(secret, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8));
            ProviderSimulator.RecordedRequest request =
                    simulator.lastTokenRequest().orElseThrow();
            assertThat(request.header("Authorization")).contains("Basic " + expected);
            assertThat(request.form()).doesNotContainKeys("client_id", "client_secret");
        }

        @Test
        void post_authentication_puts_id_and_secret_in_the_form() {
            simulator.answer(bearer("at-1", "rt-1", 3600));

            exchange(LIMITS, ClientAuthentication.POST, Optional.of(VERIFIER));

            ProviderSimulator.RecordedRequest request =
                    simulator.lastTokenRequest().orElseThrow();
            assertThat(request.header("Authorization")).isEmpty();
            assertThat(request.form())
                    .containsEntry("client_id", TestProviders.CLIENT_ID)
                    .containsEntry("client_secret", CLIENT_SECRET);
        }

        @Test
        void request_is_an_authorization_code_grant_with_verifier_and_redirect_uri() {
            simulator.answer(bearer("at-1", "rt-1", 3600));

            exchange();

            ProviderSimulator.RecordedRequest request =
                    simulator.lastTokenRequest().orElseThrow();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.header("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/x-www-form-urlencoded"));
            assertThat(request.header("Accept")).contains("application/json");
            assertThat(request.form())
                    .containsEntry("grant_type", "authorization_code")
                    .containsEntry("code", CODE.value())
                    .containsEntry("code_verifier", VERIFIER.value())
                    .containsEntry("redirect_uri", REDIRECT_URI.toString());
        }

        @Test
        void no_verifier_sends_no_code_verifier() {
            simulator.answer(bearer("at-1", "rt-1", 3600));

            exchange(LIMITS, ClientAuthentication.BASIC, Optional.empty());

            assertThat(simulator.lastTokenRequest().orElseThrow().form()).doesNotContainKey("code_verifier");
        }
    }
}
