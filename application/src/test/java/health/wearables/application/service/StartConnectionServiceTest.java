package health.wearables.application.service;

import static health.wearables.application.service.Gateway.DONE;
import static health.wearables.application.service.Gateway.GLOBEX_KEY;
import static health.wearables.application.service.Gateway.NOW;
import static health.wearables.application.service.Gateway.TTL;
import static health.wearables.application.service.Gateway.ok;
import static health.wearables.application.service.Gateway.rejection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.wearables.application.port.in.StartConnection.ConnectCommand;
import health.wearables.application.port.in.Unavailable;
import health.wearables.application.port.out.StateStoreUnavailable;
import health.wearables.domain.ApiKey;
import health.wearables.domain.Connecting;
import health.wearables.domain.PatientId;
import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.Pkce;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.ReturnUrl;
import health.wearables.domain.StateToken;
import health.wearables.domain.Step;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StartConnectionServiceTest {
    private final Gateway gateway = new Gateway();

    private Step<Connecting.Started> startWithKey(Optional<ApiKey> key, String provider) {
        return gateway.start.start(key, provider, new ConnectCommand("123", DONE, false));
    }

    private void assertNothingHandedOut() {
        assertThat(gateway.stateStore.size()).isZero();
        assertThat(gateway.authorizationUrls.calls()).isEmpty();
    }

    @Test
    void a_call_without_an_api_key_is_unauthorized_and_stores_nothing() {
        Rejection rejection = rejection(startWithKey(Optional.empty(), "withings"));

        assertThat(rejection.code()).isEqualTo(RejectionCode.UNAUTHORIZED);
        assertNothingHandedOut();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wrong-key", "ACME-LIVE-KEY-7F3A9C", "acme-live-key-7f3a9"})
    void a_call_with_an_unknown_api_key_is_unauthorized_and_stores_nothing(String key) {
        Rejection rejection = rejection(startWithKey(Optional.of(new ApiKey(key)), "withings"));

        assertThat(rejection.code()).isEqualTo(RejectionCode.UNAUTHORIZED);
        assertThat(rejection.message()).isEqualTo("A valid project API key is required.");
        assertNothingHandedOut();
    }

    @Test
    void the_api_key_is_checked_before_the_provider_so_strangers_learn_nothing_about_providers() {
        assertThat(rejection(startWithKey(Optional.of(new ApiKey("wrong-key")), "garmin"))
                        .code())
                .isEqualTo(RejectionCode.UNAUTHORIZED);
    }

    @Test
    void a_known_provider_that_is_not_configured_is_refused_naming_the_missing_keys() {
        gateway.providers.unconfigured(
                "oura", "wearables.providers.oura.client-id", "wearables.providers.oura.client-secret");

        Rejection rejection = rejection(gateway.connect("oura", "123", DONE, false));

        assertThat(rejection.code()).isEqualTo(RejectionCode.UNKNOWN_PROVIDER);
        assertThat(rejection.message())
                .isEqualTo("Provider 'oura' is not configured; missing: "
                        + "wearables.providers.oura.client-id, wearables.providers.oura.client-secret.");
        assertNothingHandedOut();
    }

    @ParameterizedTest
    @ValueSource(strings = {"garmin", "Withings", "with ings", "../withings", ""})
    void an_unknown_provider_is_refused_and_stores_nothing(String provider) {
        Rejection rejection = rejection(gateway.connect(provider, "123", DONE, false));

        assertThat(rejection.code()).isEqualTo(RejectionCode.UNKNOWN_PROVIDER);
        assertThat(rejection.message()).isEqualTo("No such provider is configured.");
        assertNothingHandedOut();
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {
                "12 3, null, false",
                "null, null, false",
                "123, javascript:alert(1), false",
                "123, https://dashboard.example.com.evil.example/wearables/done, false",
                "123, https://dashboard.example.com/admin, false",
                "123, https://globex.example/done, false",
                "123, null, true"
            })
    void a_request_that_fails_validation_stores_nothing(String patientId, String redirectUri, boolean redirectOnError) {
        Rejection rejection = rejection(gateway.connect("withings", patientId, redirectUri, redirectOnError));

        assertThat(rejection.code()).isEqualTo(RejectionCode.VALIDATION_FAILED);
        assertNothingHandedOut();
    }

    @Test
    void a_valid_request_stores_exactly_one_state_with_the_whole_record() {
        Connecting.Started started = ok(gateway.connect("withings", "123", DONE, true));
        StateToken state = gateway.authorizationUrls.last().state();

        assertThat(gateway.stateStore.size()).isEqualTo(1);
        PendingAuthorization stored = gateway.stateStore.take(state).orElseThrow();
        assertThat(stored.project()).isEqualTo(new ProjectId("acme"));
        assertThat(stored.patient()).isEqualTo(new PatientId("123"));
        assertThat(stored.provider()).isEqualTo(new ProviderSlug("withings"));
        assertThat(stored.returnUrl()).contains(ReturnUrl.parse(DONE));
        assertThat(stored.redirectOnError()).isTrue();
        assertThat(stored.pkceVerifier())
                .isPresent()
                .isEqualTo(gateway.authorizationUrls.last().verifier());
        assertThat(stored.expiresAt()).isEqualTo(started.expiresAt());
    }

    @Test
    void the_answer_is_the_providers_authorization_url_and_the_states_expiry() {
        Connecting.Started started = ok(gateway.connect("withings", "123", null, false));
        RecordingAuthorizationUrls.Call call = gateway.authorizationUrls.last();

        assertThat(started.authorizationUrl().toString())
                .startsWith("https://withings.example/authorize?client_id=withings-client&state="
                        + call.state().value());
        assertThat(started.expiresAt()).isEqualTo(NOW.plus(TTL));
        assertThat(call.redirectUri())
                .isEqualTo(URI.create("https://gateway.example.org/v1/wearables/withings/callback"));
        assertThat(call.provider()).isEqualTo(Gateway.provider("withings", Pkce.S256));
    }

    @Test
    void a_provider_without_pkce_gets_no_verifier_and_none_is_stored() {
        ok(gateway.connect("strava", "123", null, false));
        RecordingAuthorizationUrls.Call call = gateway.authorizationUrls.last();

        assertThat(call.verifier()).isEmpty();
        assertThat(gateway.stateStore.take(call.state()).orElseThrow().pkceVerifier())
                .isEmpty();
    }

    @Test
    void each_start_mints_a_new_state() {
        StateToken first = gateway.startedFor("withings", null, false);
        StateToken second = gateway.startedFor("withings", null, false);

        assertThat(first).isNotEqualTo(second);
        assertThat(gateway.stateStore.size()).isEqualTo(2);
    }

    @Test
    void the_api_key_decides_the_project_of_the_record() {
        ok(gateway.start.start(
                Optional.of(new ApiKey(GLOBEX_KEY)),
                "withings",
                new ConnectCommand("123", "https://globex.example/done", false)));

        PendingAuthorization stored = gateway.stateStore
                .take(gateway.authorizationUrls.last().state())
                .orElseThrow();
        assertThat(stored.project()).isEqualTo(new ProjectId("globex"));
    }

    @Test
    void a_provider_whose_retirement_has_come_is_gone_naming_its_successor_and_stores_nothing() {
        gateway.retirements.retire("fitbit", LocalDate.of(2026, 10, 30), "google-health");

        Rejection rejection = rejection(gateway.connect("fitbit", "123", DONE, false));

        assertThat(rejection.code()).isEqualTo(RejectionCode.PROVIDER_RETIRED);
        assertThat(rejection.message())
                .isEqualTo("Provider 'fitbit' was retired on 2026-10-30; connect with 'google-health' instead.");
        assertThat(rejection.successor()).contains(new ProviderSlug("google-health"));
        assertNothingHandedOut();
    }

    @Test
    void a_retired_provider_without_a_successor_says_it_takes_no_new_connections() {
        gateway.retirements.retire("withings", NOW.atZone(ZoneOffset.UTC).toLocalDate());

        Rejection rejection = rejection(gateway.connect("withings", "123", DONE, false));

        assertThat(rejection.code()).isEqualTo(RejectionCode.PROVIDER_RETIRED);
        assertThat(rejection.message())
                .isEqualTo("Provider 'withings' was retired on 2026-11-21 and takes no new connections.");
        assertThat(rejection.successor()).isEmpty();
        assertNothingHandedOut();
    }

    @Test
    void a_retired_provider_is_gone_even_where_it_is_not_configured() {
        gateway.retirements.retire("garmin", LocalDate.of(2026, 1, 1), "withings");

        assertThat(rejection(gateway.connect("garmin", "123", DONE, false)).code())
                .isEqualTo(RejectionCode.PROVIDER_RETIRED);
        assertNothingHandedOut();
    }

    @Test
    void a_provider_connects_until_the_start_of_its_retirement_day_in_utc_and_no_longer() {
        gateway.retirements.retire("withings", LocalDate.of(2026, 11, 22), "strava");
        gateway.clock.advance(Duration.ofHours(14).minusNanos(1)); // 2026-11-21T23:59:59.999999999Z

        ok(gateway.connect("withings", "123", DONE, false));
        gateway.clock.advance(Duration.ofNanos(1));

        assertThat(rejection(gateway.connect("withings", "123", DONE, false)).code())
                .isEqualTo(RejectionCode.PROVIDER_RETIRED);
        assertThat(gateway.stateStore.size()).isEqualTo(1);
    }

    @Test
    void the_api_key_is_checked_before_the_retirement() {
        gateway.retirements.retire("fitbit", LocalDate.of(2026, 10, 30), "google-health");

        assertThat(rejection(startWithKey(Optional.empty(), "fitbit")).code()).isEqualTo(RejectionCode.UNAUTHORIZED);
    }

    @Test
    void with_the_state_store_down_the_failure_propagates_and_no_url_is_handed_out() {
        gateway.stateStore.setAvailable(false);

        assertThatThrownBy(() -> gateway.connect("withings", "123", DONE, false))
                .isInstanceOf(Unavailable.StateStore.class)
                .hasCauseInstanceOf(StateStoreUnavailable.class);
        assertThat(gateway.authorizationUrls.calls()).isEmpty();
    }
}
