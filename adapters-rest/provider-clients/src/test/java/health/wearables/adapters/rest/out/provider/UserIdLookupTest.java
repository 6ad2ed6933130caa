package health.wearables.adapters.rest.out.provider;

import static health.wearables.adapters.rest.out.provider.ProviderSimulator.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.adapters.rest.out.provider.data.simulator.OuraSimulator;
import health.wearables.adapters.rest.out.provider.data.simulator.WhoopSimulator;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.ProviderEndpoints;
import health.wearables.domain.TokenSet;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Oura and WHOOP name no user in their token responses but do in their notifications, so the exchange asks for the
 * user id; a lookup that fails keeps the exchange, without an id, with a WARN naming the provider and the status.
 */
class UserIdLookupTest {

    static ConfiguredProvider withApiBase(ConfiguredProvider provider, URI apiBase) {
        ProviderEndpoints endpoints = provider.endpoints();
        return new ConfiguredProvider(
                provider.slug(),
                provider.displayName(),
                provider.oauthVersion(),
                ProviderEndpoints.oauth2(endpoints.authorization(), endpoints.token(), apiBase),
                provider.client(),
                provider.scopes(),
                provider.pkce(),
                provider.issuer());
    }

    @Nested
    class Oura extends SimulatedProviderTest {
        private static final String PERSONAL_INFO = "/v2/usercollection/personal_info";
        private static final String TOKENS = "{\"token_type\":\"bearer\",\"access_token\":\"oura-access\","
                + "\"expires_in\":86400,\"refresh_token\":\"oura-refresh\"}";

        Oura() {
            super(OuraQuirks.DEFAULTS);
        }

        @Test
        void the_id_of_personal_info_is_the_provider_user_id() {
            tokenAnswers(json(200, TOKENS));
            simulator.answer(
                    PERSONAL_INFO,
                    json(200, "{\"id\":\"8f1b2c3d-4e5f\",\"age\":31,\"weight\":74.8,\"email\":\"a@example.com\"}"));

            TokenSet tokens = exchanged(exchange());

            assertThat(tokens.providerUserId()).contains("8f1b2c3d-4e5f");
            assertThat(tokens.refreshToken()).isPresent();
            var lookup = theOnlyRequest(PERSONAL_INFO);
            assertThat(lookup.method()).isEqualTo("GET");
            assertBearer(lookup, "oura-access");
        }

        @ParameterizedTest
        @ValueSource(ints = {401, 403, 404, 500})
        void a_failed_lookup_keeps_the_exchange_without_an_id_and_warns_with_the_status(int status) {
            tokenAnswers(json(200, TOKENS));
            simulator.answer(PERSONAL_INFO, json(status, "{\"detail\":\"oura-access\"}"));

            List<String> lines;
            TokenSet tokens;
            try (LogCapture log = LogCapture.of(UserIdLookup.class)) {
                tokens = exchanged(exchange());
                lines = log.records().stream()
                        .filter(record -> record.getLevel().equals(Level.WARNING))
                        .map(java.util.logging.LogRecord::getMessage)
                        .toList();
            }

            assertThat(tokens.providerUserId()).isEmpty();
            assertThat(tokens.accessToken().value()).isEqualTo("oura-access");
            assertThat(lines)
                    .singleElement()
                    .satisfies(line -> assertThat(line)
                            .contains("oura")
                            .contains("HTTP " + status)
                            .doesNotContain("oura-access")
                            .doesNotContain("detail"));
        }

        @Test
        void an_answer_without_a_usable_id_or_no_answer_keeps_the_exchange() {
            tokenAnswers(json(200, TOKENS));
            simulator.answer(PERSONAL_INFO, json(200, "{\"id\":{\"nested\":true}}"));
            assertThat(exchanged(exchange()).providerUserId()).isEmpty();

            simulator.answer(PERSONAL_INFO, ProviderSimulator.Answer.hang());
            assertThat(exchanged(exchange(SHORT_DEADLINE)).providerUserId()).isEmpty();
        }

        @Test
        void against_the_oura_data_simulator() {
            try (OuraSimulator oura = OuraSimulator.start()) {
                oura.acceptTokens("oura-access");
                oura.userId("oura-user-42");
                tokenAnswers(json(200, TOKENS));
                ConfiguredProvider provider = withApiBase(provider(), oura.apiBase());

                var result = new HttpTokenExchange(LIMITS, Clock.fixed(NOW, ZoneOffset.UTC))
                        .exchange(provider, TestProviders.CODE, Optional.empty(), TestProviders.REDIRECT_URI);

                assertThat(exchanged(result).providerUserId()).contains("oura-user-42");
                assertThat(oura.requests(OuraSimulator.PERSONAL_INFO)).hasSize(1);
            }
        }
    }

    @Nested
    class Whoop extends SimulatedProviderTest {
        private static final String PROFILE = "/developer/v2/user/profile/basic";
        private static final String TOKENS = "{\"access_token\":\"whoop-access\",\"expires_in\":3600,"
                + "\"refresh_token\":\"whoop-refresh\",\"scope\":\"offline read:profile\",\"token_type\":\"bearer\"}";

        Whoop() {
            super(WhoopQuirks.DEFAULTS);
        }

        @Test
        void the_numeric_user_id_of_the_basic_profile_is_kept_as_its_decimal_string() {
            tokenAnswers(json(200, TOKENS));
            simulator.answer(
                    PROFILE,
                    json(
                            200,
                            "{\"user_id\":10129,\"email\":\"jsmith123@whoop.com\",\"first_name\":\"John\","
                                    + "\"last_name\":\"Smith\"}"));

            TokenSet tokens = exchanged(exchange());

            assertThat(tokens.providerUserId()).contains("10129");
            assertBearer(theOnlyRequest(PROFILE), "whoop-access");
        }

        @Test
        void a_failed_lookup_keeps_the_exchange_without_an_id() {
            tokenAnswers(json(200, TOKENS));
            simulator.answer(PROFILE, json(429, "{}"));

            TokenSet tokens = exchanged(exchange());

            assertThat(tokens.providerUserId()).isEmpty();
            assertThat(tokens.refreshToken()).isPresent();
        }

        @Test
        void against_the_whoop_data_simulator() {
            try (WhoopSimulator whoop = WhoopSimulator.start()) {
                whoop.acceptTokens("whoop-access");
                whoop.userId(987_654_321_012L);
                tokenAnswers(json(200, TOKENS));
                ConfiguredProvider provider = withApiBase(provider(), whoop.apiBase());

                var result = new HttpTokenExchange(LIMITS, Clock.fixed(NOW, ZoneOffset.UTC))
                        .exchange(provider, TestProviders.CODE, Optional.empty(), TestProviders.REDIRECT_URI);

                assertThat(exchanged(result).providerUserId()).contains("987654321012");
            }
        }
    }
}
