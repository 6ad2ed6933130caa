package health.wearables.application.service;

import static health.wearables.application.service.Gateway.ACME_KEY;
import static health.wearables.application.service.Gateway.CODE;
import static health.wearables.application.service.Gateway.DASHBOARD;
import static health.wearables.application.service.Gateway.DONE;
import static health.wearables.application.service.Gateway.GLOBEX_KEY;
import static health.wearables.application.service.Gateway.NOW;
import static health.wearables.application.service.Gateway.ok;
import static health.wearables.application.service.Gateway.rejection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.wearables.application.port.in.OpenConnectSession.Opened;
import health.wearables.application.port.in.OpenConnectSession.SessionCommand;
import health.wearables.application.port.in.Unavailable;
import health.wearables.domain.ApiKey;
import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.Step;
import health.wearables.domain.audit.ApiKeyId;
import health.wearables.domain.audit.AuditAction;
import health.wearables.domain.callback.CallbackAnswer;
import health.wearables.domain.connect.ConnectPage;
import health.wearables.domain.connect.ProviderChosen;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectPageServiceTest {
    private final Gateway gateway = new Gateway();

    private Step<Opened> open(String key, String redirectUri, Optional<List<String>> providers) {
        return gateway.openSession.open(
                Optional.ofNullable(key).map(ApiKey::new), new SessionCommand("123", redirectUri, providers));
    }

    /** The token in the link the gateway handed out. */
    private static String tokenOf(Opened opened) {
        String path = opened.connectUrl().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private String openedToken(String redirectUri, String... providers) {
        return tokenOf(ok(open(
                ACME_KEY, redirectUri, providers.length == 0 ? Optional.empty() : Optional.of(List.of(providers)))));
    }

    private static List<String> offered(ConnectPage page) {
        return page.fold(
                offer -> offer.choices().stream()
                        .map(choice -> choice.provider().value())
                        .toList(),
                gone -> List.of("<gone>"));
    }

    private static <T> T expect(ProviderChosen chosen, Class<T> outcome) {
        Object value = chosen.fold(started -> started, notOffered -> notOffered, gone -> gone, refused -> refused);
        assertThat(value).isInstanceOf(outcome);
        return outcome.cast(value);
    }

    @Test
    void a_link_is_handed_out_for_thirty_minutes_and_its_session_is_stored_under_the_token() {
        Opened opened = ok(open(ACME_KEY, DONE, Optional.empty()));

        assertThat(opened.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(opened.connectUrl().toString())
                .startsWith("https://gateway.example.org/v1/wearables/connect-page/")
                .hasSize("https://gateway.example.org/v1/wearables/connect-page/".length() + 43);
        assertThat(gateway.connectSessions.size()).isEqualTo(1);
    }

    @Test
    void without_an_api_key_or_with_a_wrong_one_no_link_is_handed_out() {
        assertThat(rejection(open(null, DONE, Optional.empty())).code()).isEqualTo(RejectionCode.UNAUTHORIZED);
        assertThat(rejection(open("wrong-key", DONE, Optional.empty())).code()).isEqualTo(RejectionCode.UNAUTHORIZED);
        assertThat(gateway.connectSessions.size()).isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://evil.example/wearables/done",
                "http://dashboard.example.com/wearables/done",
                "https://dashboard.example.com/wearables/../admin",
                "https://dashboard.example.com/other/done"
            })
    void a_redirect_uri_is_checked_exactly_as_connect_checks_it(String redirectUri) {
        Rejection refused = rejection(open(ACME_KEY, redirectUri, Optional.empty()));
        Rejection asConnect = rejection(gateway.connect("withings", "123", redirectUri, false));

        assertThat(refused.code()).isEqualTo(RejectionCode.VALIDATION_FAILED);
        assertThat(refused.message()).isEqualTo(asConnect.message());
        assertThat(gateway.connectSessions.size()).isZero();
    }

    @Test
    void a_redirect_uri_under_another_projects_prefix_is_refused() {
        Rejection refused = rejection(gateway.openSession.open(
                Optional.of(new ApiKey(GLOBEX_KEY)), new SessionCommand("123", DONE, Optional.empty())));

        assertThat(refused.message())
                .isEqualTo("redirectUri is not under any of the project's allowed redirect prefixes.");
    }

    @Test
    void an_invalid_patient_id_is_refused_as_connect_refuses_it() {
        Rejection refused = rejection(gateway.openSession.open(
                Optional.of(new ApiKey(ACME_KEY)), new SessionCommand("12 3", null, Optional.empty())));

        assertThat(refused.code()).isEqualTo(RejectionCode.VALIDATION_FAILED);
        assertThat(refused.message()).startsWith("patientId must be");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garmin", "Withings", "../withings", ""})
    void a_provider_that_is_not_configured_is_refused_without_echoing_it(String provider) {
        Rejection refused = rejection(open(ACME_KEY, null, Optional.of(List.of("withings", provider))));

        assertThat(refused.code()).isEqualTo(RejectionCode.VALIDATION_FAILED);
        assertThat(refused.message()).isEqualTo("providers names a provider that is not configured for this project.");
        assertThat(gateway.connectSessions.size()).isZero();
    }

    @Test
    void an_empty_provider_list_is_refused() {
        assertThat(rejection(open(ACME_KEY, null, Optional.of(List.of()))).code())
                .isEqualTo(RejectionCode.VALIDATION_FAILED);
    }

    @Test
    void the_page_offers_the_requested_providers_in_the_given_order_with_their_names() {
        String token = openedToken(null, "strava", "withings", "strava");

        ConnectPage page = gateway.connectPage.show(token);

        assertThat(offered(page)).containsExactly("strava", "withings");
        ConnectPage.Choice strava = page.fold(offer -> offer.choices().get(0), gone -> null);
        assertThat(strava.displayName()).isEqualTo("strava");
        assertThat(strava.authorizationUrl()).isEqualTo(URI.create("https://strava.example/authorize"));
    }

    @Test
    void without_requested_providers_the_page_offers_every_configured_one_not_retired() {
        gateway.retirements.retire("fitbit", LocalDate.of(2026, 1, 1));

        assertThat(offered(gateway.connectPage.show(openedToken(null))))
                .containsExactly("withings", "strava", "garmin-legacy");
    }

    @Test
    void the_page_may_be_opened_again_and_again_until_a_provider_is_chosen() {
        String token = openedToken(DONE, "withings");

        assertThat(offered(gateway.connectPage.show(token))).containsExactly("withings");
        assertThat(offered(gateway.connectPage.show(token))).containsExactly("withings");
        assertThat(gateway.connectSessions.size()).isEqualTo(1);
    }

    @Test
    void choosing_a_provider_starts_its_authorization_for_the_sessions_patient_and_uses_up_the_link() {
        String token = openedToken(DONE, "withings", "strava");

        ProviderChosen.Started started =
                expect(gateway.connectPage.choose(token, "withings"), ProviderChosen.Started.class);

        assertThat(started.authorizationUrl().toString()).startsWith("https://withings.example/authorize?");
        assertThat(gateway.authorizationUrls.last().provider().slug()).isEqualTo(new ProviderSlug("withings"));
        assertThat(gateway.connectSessions.size()).isZero();
        assertThat(gateway.stateStore.size()).isEqualTo(1);
        assertThat(offered(gateway.connectPage.show(token))).containsExactly("<gone>");
        expect(gateway.connectPage.choose(token, "withings"), ProviderChosen.Gone.class);
        assertThat(gateway.stateStore.size()).as("a reused link starts nothing").isEqualTo(1);
    }

    @Test
    void the_state_minted_on_the_page_remembers_the_page_and_sends_every_outcome_back_to_the_return_url() {
        String token = openedToken(DONE, "withings");
        expect(gateway.connectPage.choose(token, "withings"), ProviderChosen.Started.class);

        PendingAuthorization pending = gateway.stateStore
                .take(gateway.authorizationUrls.last().state())
                .orElseThrow();

        assertThat(pending.fromConnectPage()).isTrue();
        assertThat(pending.patient().value()).isEqualTo("123");
        assertThat(pending.project().value()).isEqualTo("acme");
        assertThat(pending.returnUrl().orElseThrow().value()).isEqualTo(DONE);
        assertThat(pending.redirectOnError()).isTrue();
    }

    @Test
    void a_callback_of_a_page_without_a_return_url_is_answered_for_the_patient() {
        String token = openedToken(null, "withings");
        expect(gateway.connectPage.choose(token, "withings"), ProviderChosen.Started.class);

        CallbackAnswer answer = gateway.returns(
                "withings", "state", gateway.authorizationUrls.last().state().value(), "code", CODE);

        assertThat(answer.fromConnectPage()).isTrue();
        assertThat(answer.redirect()).isEmpty();
        assertThat(answer.outcome()).isInstanceOf(CallbackAnswer.Connected.class);
    }

    @Test
    void a_declined_authorization_of_a_page_without_a_return_url_is_answered_for_the_patient() {
        String token = openedToken(null, "withings");
        expect(gateway.connectPage.choose(token, "withings"), ProviderChosen.Started.class);

        CallbackAnswer answer = gateway.returns(
                "withings", "state", gateway.authorizationUrls.last().state().value(), "error", "access_denied");

        assertThat(answer.fromConnectPage()).isTrue();
        assertThat(answer.redirect()).isEmpty();
        assertThat(answer.outcome()).isInstanceOf(CallbackAnswer.Refused.class);
    }

    @Test
    void a_callback_of_a_state_minted_by_connect_is_not_for_a_page() {
        CallbackAnswer answer = gateway.returns(
                "withings", "state", gateway.startedFor("withings", null, false).value(), "code", CODE);

        assertThat(answer.fromConnectPage()).isFalse();
    }

    @Test
    void a_provider_the_page_does_not_offer_shows_the_page_again_and_leaves_the_link_usable() {
        String token = openedToken(null, "withings");

        ProviderChosen.NotOffered notOffered =
                expect(gateway.connectPage.choose(token, "strava"), ProviderChosen.NotOffered.class);

        assertThat(offered(notOffered.page())).containsExactly("withings");
        assertThat(gateway.connectSessions.size()).isEqualTo(1);
        assertThat(gateway.stateStore.size()).isZero();
        expect(gateway.connectPage.choose(token, "withings"), ProviderChosen.Started.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "a/../b", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void an_unknown_or_malformed_link_is_gone(String token) {
        assertThat(offered(gateway.connectPage.show(token))).containsExactly("<gone>");
        expect(gateway.connectPage.choose(token, "withings"), ProviderChosen.Gone.class);
    }

    @Test
    void an_expired_link_is_gone_and_starts_nothing() {
        String token = openedToken(null, "withings");
        gateway.clock.advance(Duration.ofMinutes(30));

        assertThat(offered(gateway.connectPage.show(token))).containsExactly("<gone>");
        expect(gateway.connectPage.choose(token, "withings"), ProviderChosen.Gone.class);
        assertThat(gateway.stateStore.size()).isZero();
    }

    @Test
    void a_link_one_second_before_its_expiry_still_works() {
        String token = openedToken(null, "withings");
        gateway.clock.advance(Duration.ofMinutes(30).minusSeconds(1));

        expect(gateway.connectPage.choose(token, "withings"), ProviderChosen.Started.class);
    }

    @Test
    void a_provider_retired_after_the_link_was_handed_out_is_refused_and_the_link_is_used_up() {
        String token = openedToken(null, "withings");
        gateway.retirements.retire("withings", LocalDate.of(2026, 1, 1));

        ProviderChosen.Refused refused =
                expect(gateway.connectPage.choose(token, "withings"), ProviderChosen.Refused.class);

        assertThat(refused.rejection().code()).isEqualTo(RejectionCode.PROVIDER_RETIRED);
        assertThat(gateway.stateStore.size()).isZero();
        assertThat(gateway.connectSessions.size()).isZero();
    }

    @Test
    void the_start_is_audited_as_started_by_the_key_that_opened_the_link() {
        String token = openedToken(null, "withings");
        expect(gateway.connectPage.choose(token, "withings"), ProviderChosen.Started.class);

        assertThat(gateway.audits.ofKey(ApiKeyId.of(new ApiKey(ACME_KEY))))
                .anySatisfy(record -> assertThat(record.action()).isEqualTo(AuditAction.CONNECT_STARTED));
    }

    @Test
    void an_oauth1_provider_starts_with_its_temporary_credentials_on_the_page_too() {
        String token = openedToken(null, "garmin-legacy");

        expect(gateway.connectPage.choose(token, "garmin-legacy"), ProviderChosen.Started.class);

        assertThat(gateway.stateStore.size()).isEqualTo(1);
    }

    @Test
    void a_store_that_cannot_be_reached_hands_out_no_link_and_shows_no_page() {
        String token = openedToken(null, "withings");
        gateway.connectSessions.setAvailable(false);

        assertThatThrownBy(() -> open(ACME_KEY, null, Optional.empty())).isInstanceOf(Unavailable.StateStore.class);
        assertThatThrownBy(() -> gateway.connectPage.show(token)).isInstanceOf(Unavailable.StateStore.class);
        assertThatThrownBy(() -> gateway.connectPage.choose(token, "withings"))
                .isInstanceOf(Unavailable.StateStore.class);
    }

    @Test
    void a_configured_provider_is_named_as_configured() {
        assertThat(gateway.connectPage.providerName(new ProviderSlug("withings")))
                .contains("withings");
        assertThat(gateway.connectPage.providerName(new ProviderSlug("garmin"))).isEmpty();
    }

    @Test
    void the_token_never_prints() {
        String token = openedToken(null, "withings");

        assertThat(health.wearables.domain.connect.ConnectSessionToken.parse(token)
                        .orElseThrow()
                        .toString())
                .isEqualTo("ConnectSessionToken[redacted]")
                .doesNotContain(token);
        assertThat(DASHBOARD).isNotBlank();
    }
}
