package health.wearables.adapters.rest.out.provider;

import static health.wearables.adapters.rest.out.provider.ProviderSimulator.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.adapters.rest.out.provider.ProviderSimulator.RecordedRequest;
import health.wearables.adapters.rest.out.provider.ProviderSimulator.TokenIn;
import health.wearables.adapters.rest.out.provider.data.simulator.OuraSimulator;
import health.wearables.adapters.rest.out.provider.data.simulator.WhoopSimulator;
import health.wearables.domain.ClientSecret;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.ProviderEndpoints;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.TokenSet;
import health.wearables.domain.lifecycle.RevocationOutcome.Failed;
import health.wearables.domain.lifecycle.RevocationOutcome.NotOffered;
import health.wearables.domain.lifecycle.RevocationOutcome.Revoked;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each built-in provider's own revocation against the simulator serving its documented paths. */
class ProviderRevocationsTest {

    private static final Failed EXPIRED =
            new Failed("the access token has expired; revoking needs a refreshed one", true);

    /** Tokens whose access token expired a minute ago. */
    static TokenSet expired(String access) {
        return SimulatedProviderTest.tokens(access, Optional.of("refresh"))
                .withExpiry(SimulatorTest.NOW.minusSeconds(60));
    }

    static int dataCall(URI uri, String bearer) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri)
                                .header("Authorization", "Bearer " + bearer)
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Nested
    class GoogleHealth extends SimulatedProviderTest {
        GoogleHealth() {
            super(GoogleHealthQuirks.DEFAULTS);
        }

        @Test
        void rfc_7009_at_googles_revoke_endpoint_with_the_credentials_in_the_body() {
            DocumentedRevocations.assertRevokesAt(GoogleHealthQuirks.DEFAULTS, "https://oauth2.googleapis.com/revoke");
            simulator.answer("/revoke", simulator.revocation(TokenIn.FORM_TOKEN, 200, 200));

            assertThat(revoke(tokens("google-access", Optional.of("google-refresh"))))
                    .isEqualTo(new Revoked());

            RecordedRequest request = theOnlyRequest("/revoke");
            assertThat(request.form())
                    .containsEntry("token", "google-refresh")
                    .containsEntry("token_type_hint", "refresh_token");
            assertBodyClientAuthentication(request);
        }
    }

    @Nested
    class Oura extends SimulatedProviderTest {
        private static final String REVOKE = "/oauth/revoke";

        Oura() {
            super(OuraQuirks.DEFAULTS);
        }

        @Test
        void a_get_with_the_access_token_in_the_query_and_nothing_else() {
            DocumentedRevocations.assertRevokesAt(
                    OuraQuirks.DEFAULTS, "https://api.ouraring.com/oauth/revoke?access_token=access");
            simulator.answer(REVOKE, simulator.revocation(TokenIn.QUERY_ACCESS_TOKEN, 200, 401));

            assertThat(revoke(tokens("oura-access+/=", Optional.of("oura-refresh"))))
                    .isEqualTo(new Revoked());

            RecordedRequest request = theOnlyRequest(REVOKE);
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.query()).containsExactlyEntriesOf(Map.of("access_token", "oura-access+/="));
            assertThat(request.header("Authorization")).isEmpty();
            assertThat(request.body()).isEmpty();
        }

        @Test
        void unauthorized_with_a_fresh_token_is_a_grant_already_gone() {
            simulator.answer(REVOKE, simulator.revocation(TokenIn.QUERY_ACCESS_TOKEN, 200, 401));
            revoke(tokens("oura-access", Optional.empty()));

            assertThat(revoke(tokens("oura-access", Optional.empty()))).isEqualTo(new Revoked());
        }

        @Test
        void an_expired_access_token_is_not_sent() {
            simulator.answer(REVOKE, simulator.revocation(TokenIn.QUERY_ACCESS_TOKEN, 200, 401));

            assertThat(revoke(expired("oura-access"))).isEqualTo(EXPIRED);
            assertThat(simulator.requests(REVOKE)).isEmpty();
        }

        @Test
        void a_revoked_token_stops_working_at_the_data_api() throws Exception {
            try (OuraSimulator data = OuraSimulator.start()) {
                data.acceptTokens("oura-access");
                simulator.onRevoked(data::revoke);
                simulator.answer(REVOKE, simulator.revocation(TokenIn.QUERY_ACCESS_TOKEN, 200, 401));
                URI personalInfo = URI.create(data.apiBase() + OuraSimulator.PERSONAL_INFO);
                assertThat(dataCall(personalInfo, "oura-access")).isEqualTo(200);

                assertThat(revoke(tokens("oura-access", Optional.empty()))).isEqualTo(new Revoked());

                assertThat(dataCall(personalInfo, "oura-access")).isEqualTo(401);
            }
        }
    }

    @Nested
    class Whoop extends SimulatedProviderTest {
        private static final String ACCESS = "/developer/v2/user/access";

        Whoop() {
            super(WhoopQuirks.DEFAULTS);
        }

        @Test
        void a_delete_of_the_users_access_with_the_bearer_token() {
            DocumentedRevocations.assertRevokesAt(
                    WhoopQuirks.DEFAULTS, "https://api.prod.whoop.com/developer/v2/user/access");
            simulator.answer(ACCESS, simulator.revocation(TokenIn.BEARER, 204, 401));

            assertThat(revoke(tokens("whoop-access", Optional.of("whoop-refresh"))))
                    .isEqualTo(new Revoked());

            RecordedRequest request = theOnlyRequest(ACCESS);
            assertThat(request.method()).isEqualTo("DELETE");
            assertBearer(request, "whoop-access");
            assertThat(request.body()).isEmpty();
        }

        @Test
        void against_the_whoop_data_simulator_the_token_stops_working_and_a_second_delete_is_401_revoked()
                throws Exception {
            try (WhoopSimulator whoop = WhoopSimulator.start()) {
                whoop.acceptTokens("whoop-access");
                ConfiguredProvider provider = onApi(whoop.apiBase());
                URI profile = URI.create(whoop.baseUri() + WhoopSimulator.PROFILE);
                assertThat(dataCall(profile, "whoop-access")).isEqualTo(200);

                assertThat(revoke(provider, tokens("whoop-access", Optional.empty()), LIMITS))
                        .isEqualTo(new Revoked());
                assertThat(whoop.revokedTokens()).containsExactly("whoop-access");
                assertThat(dataCall(profile, "whoop-access")).isEqualTo(401);

                assertThat(revoke(provider, tokens("whoop-access", Optional.empty()), LIMITS))
                        .isEqualTo(new Revoked());
                assertThat(whoop.requests(WhoopSimulator.ACCESS)).hasSize(2);
            }
        }

        @Test
        void the_data_simulators_revocation_fails_on_cue_then_revokes() {
            try (WhoopSimulator whoop = WhoopSimulator.start()) {
                whoop.acceptTokens("whoop-access");
                whoop.failNextRevocations(2);
                ConfiguredProvider provider = onApi(whoop.apiBase());

                for (int attempt = 0; attempt < 2; attempt++) {
                    assertThat(revoke(provider, tokens("whoop-access", Optional.empty()), LIMITS))
                            .isEqualTo(new Failed("revocation endpoint answered HTTP 503", true));
                }
                assertThat(whoop.revokedTokens()).isEmpty();
                whoop.hangNextRevocation();
                assertThat(revoke(provider, tokens("whoop-access", Optional.empty()), SHORT_DEADLINE))
                        .isEqualTo(new Failed("revocation request failed: no complete answer within 500 ms", true));

                assertThat(revoke(provider, tokens("whoop-access", Optional.empty()), LIMITS))
                        .isEqualTo(new Revoked());
            }
        }

        @ParameterizedTest
        @ValueSource(ints = {400, 403, 404})
        void another_refusal_is_not_asked_again(int status) {
            simulator.answer(ACCESS, json(status, "{\"message\":\"whoop-access\"}"));

            assertThat(revoke(tokens("whoop-access", Optional.empty())))
                    .isEqualTo(new Failed("revocation endpoint answered HTTP " + status, false));
        }

        @Test
        void an_expired_access_token_is_not_sent() {
            assertThat(revoke(expired("whoop-access"))).isEqualTo(EXPIRED);
            assertThat(simulator.requests(ACCESS)).isEmpty();
        }

        private ConfiguredProvider onApi(URI apiBase) {
            ConfiguredProvider provider = provider();
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
    }

    @Nested
    class Strava extends SimulatedProviderTest {
        private static final String DEAUTHORIZE = "/oauth/deauthorize";

        Strava() {
            super(StravaQuirks.DEFAULTS);
        }

        @Test
        void a_form_post_of_the_access_token_without_client_credentials() {
            DocumentedRevocations.assertRevokesAt(StravaQuirks.DEFAULTS, "https://www.strava.com/oauth/deauthorize");
            simulator.answer(DEAUTHORIZE, simulator.revocation(TokenIn.FORM_ACCESS_TOKEN, 200, 401));

            assertThat(revoke(tokens("strava-access", Optional.of("strava-refresh"))))
                    .isEqualTo(new Revoked());

            RecordedRequest request = theOnlyRequest(DEAUTHORIZE);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.form()).containsExactlyEntriesOf(Map.of("access_token", "strava-access"));
            assertThat(request.header("Authorization")).isEmpty();
        }

        @Test
        void unauthorized_with_a_fresh_token_is_a_grant_already_gone_and_5xx_is_asked_again() {
            simulator.answer(DEAUTHORIZE, simulator.revocation(TokenIn.FORM_ACCESS_TOKEN, 200, 401));
            simulator.failNextRevocations(1);

            assertThat(revoke(tokens("strava-access", Optional.empty())))
                    .isEqualTo(new Failed("revocation endpoint answered HTTP 503", true));
            assertThat(revoke(tokens("strava-access", Optional.empty()))).isEqualTo(new Revoked());
            assertThat(revoke(tokens("strava-access", Optional.empty()))).isEqualTo(new Revoked());
            assertThat(simulator.requests(DEAUTHORIZE)).hasSize(3);
        }
    }

    @Nested
    class Polar extends SimulatedProviderTest {
        private static final String USER = "/v3/users/10201";

        Polar() {
            super(PolarQuirks.DEFAULTS);
        }

        private TokenSet polarTokens() {
            return tokens("polar-access", Optional.empty()).withProviderUserId(Optional.of("10201"));
        }

        @Test
        void a_delete_of_the_registered_user_with_the_bearer_token() {
            DocumentedRevocations.assertRevokesAt(
                    PolarQuirks.DEFAULTS, "https://www.polaraccesslink.com/v3/users/10201");
            simulator.answer(USER, simulator.revocation(TokenIn.BEARER, 204, 404));

            assertThat(revoke(polarTokens())).isEqualTo(new Revoked());

            RecordedRequest request = theOnlyRequest(USER);
            assertThat(request.method()).isEqualTo("DELETE");
            assertBearer(request, "polar-access");
        }

        @ParameterizedTest
        @ValueSource(ints = {401, 404})
        void no_such_user_or_token_is_a_grant_already_gone(int status) {
            simulator.answer(USER, json(status, "{}"));

            assertThat(revoke(polarTokens())).isEqualTo(new Revoked());
        }

        @Test
        void a_server_error_is_asked_again() {
            simulator.answer(USER, json(500, "{}"));

            assertThat(revoke(polarTokens())).isEqualTo(new Failed("revocation endpoint answered HTTP 500", true));
        }

        @Test
        void without_the_user_id_nothing_is_sent() {
            assertThat(revoke(tokens("polar-access", Optional.empty())))
                    .isEqualTo(new Failed("Polar grant without a user id to de-register", false));
            assertThat(simulator.otherCalls()).isZero();
        }

        @Test
        void a_configured_revocation_url_is_the_users_collection() {
            simulator.answer("/proxy/users/10201", simulator.revocation(TokenIn.BEARER, 204, 404));

            assertThat(revoke(revokingAt(simulator.baseUri().resolve("/proxy/users")), polarTokens(), LIMITS))
                    .isEqualTo(new Revoked());
            theOnlyRequest("/proxy/users/10201");
        }
    }

    @Nested
    class Garmin extends SimulatedProviderTest {
        private static final String REGISTRATION = "/wellness-api/rest/user/registration";

        Garmin() {
            super(GarminQuirks.DEFAULTS);
        }

        @Test
        void a_delete_of_the_user_registration_with_the_bearer_token() {
            DocumentedRevocations.assertRevokesAt(
                    GarminQuirks.DEFAULTS, "https://apis.garmin.com/wellness-api/rest/user/registration");
            simulator.answer(REGISTRATION, simulator.revocation(TokenIn.BEARER, 204, 401));

            assertThat(revoke(tokens("garmin-access", Optional.of("garmin-refresh"))))
                    .isEqualTo(new Revoked());
            assertThat(revoke(tokens("garmin-access", Optional.of("garmin-refresh"))))
                    .isEqualTo(new Revoked());

            assertThat(simulator.requests(REGISTRATION)).hasSize(2).allSatisfy(request -> {
                assertThat(request.method()).isEqualTo("DELETE");
                assertBearer(request, "garmin-access");
            });
        }

        @Test
        void a_forbidden_delete_is_not_asked_again() {
            simulator.answer(REGISTRATION, json(403, "{}"));

            assertThat(revoke(tokens("garmin-access", Optional.empty())))
                    .isEqualTo(new Failed("revocation endpoint answered HTTP 403", false));
        }
    }

    @Nested
    class WithoutRevocation {
        @ParameterizedTest
        @ValueSource(strings = {"withings", "dexcom", "dexcom-sandbox", "suunto"})
        void providers_that_document_none_offer_none_and_nothing_is_sent(String slug) {
            try (ProviderSimulator simulator = ProviderSimulator.start()) {
                ConfiguredProvider provider = DocumentedBuiltInProviders.standard()
                        .find(new ProviderSlug(slug))
                        .orElseThrow()
                        .configured("client", new ClientSecret("secret"));
                ConfiguredProvider local = new ConfiguredProvider(
                        provider.slug(),
                        provider.displayName(),
                        provider.oauthVersion(),
                        ProviderEndpoints.oauth2(
                                provider.endpoints().authorization(), simulator.tokenUri(), simulator.baseUri()),
                        provider.client(),
                        provider.scopes(),
                        provider.pkce(),
                        provider.issuer());

                assertThat(SimulatedProviderTest.revoke(
                                local,
                                SimulatedProviderTest.tokens("access", Optional.of("refresh")),
                                SimulatorTest.LIMITS))
                        .isEqualTo(new NotOffered());
                assertThat(simulator.tokenCalls() + simulator.otherCalls()).isZero();
            }
        }
    }
}
