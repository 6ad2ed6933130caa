package health.wearables.domain;

import static health.wearables.domain.Fixtures.DASHBOARD;
import static health.wearables.domain.Fixtures.DONE;
import static health.wearables.domain.Fixtures.NOW;
import static health.wearables.domain.Fixtures.TTL;
import static health.wearables.domain.Fixtures.ok;
import static health.wearables.domain.Fixtures.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectingTest {
    private final Project project = Fixtures.project(DASHBOARD);
    private final ConfiguredProvider withings = Fixtures.provider("withings");

    private Step<Connecting> request(String patientId, String redirectUri, boolean redirectOnError) {
        return Connecting.request(project, withings, patientId, redirectUri, redirectOnError);
    }

    @Test
    void a_valid_request_carries_project_provider_patient_and_return_url() {
        Connecting connecting = ok(request("123", DONE, true));

        assertThat(connecting.project()).isEqualTo(project);
        assertThat(connecting.provider()).isEqualTo(withings);
        assertThat(connecting.patient()).isEqualTo(new PatientId("123"));
        assertThat(connecting.returnUrl()).contains(ReturnUrl.parse(DONE));
        assertThat(connecting.redirectOnError()).isTrue();
    }

    @Test
    void a_request_without_redirect_uri_is_valid_and_answers_as_json_later() {
        assertThat(ok(request("123", null, false)).returnUrl()).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12 3", "123/../456", "p\u00E4tient"})
    void an_invalid_patient_id_fails_validation_with_the_rule(String patientId) {
        Rejection rejection = rejection(request(patientId, DONE, false));

        assertThat(rejection.code()).isEqualTo(RejectionCode.VALIDATION_FAILED);
        assertThat(rejection.message()).isEqualTo("patientId must be 1-64 characters of A-Z, a-z, 0-9, '-' and '.'.");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "javascript:alert(1)",
                "/wearables/done",
                "https://good@evil.example/",
                "https://dashboard.example.com/done\r\nx",
                "http://dashboard.example.com/done"
            })
    void a_bad_redirect_uri_fails_validation_with_the_rule_and_without_echoing_it(String redirectUri) {
        Rejection rejection = rejection(request("123", redirectUri, false));

        assertThat(rejection.code()).isEqualTo(RejectionCode.VALIDATION_FAILED);
        assertThat(rejection.message()).startsWith("redirectUri ").endsWith(".");
        if (!redirectUri.isEmpty()) {
            assertThat(rejection.message()).doesNotContain(redirectUri);
        }
    }

    @Test
    void a_redirect_uri_outside_the_allow_list_fails_validation() {
        Rejection rejection = rejection(request("123", "https://dashboard.example.com.evil.example/done", false));

        assertThat(rejection.code()).isEqualTo(RejectionCode.VALIDATION_FAILED);
        assertThat(rejection.message())
                .isEqualTo("redirectUri is not under any of the project's allowed redirect prefixes.");
    }

    @Test
    void redirect_on_error_without_a_redirect_uri_fails_validation() {
        Rejection rejection = rejection(request("123", null, true));

        assertThat(rejection.code()).isEqualTo(RejectionCode.VALIDATION_FAILED);
        assertThat(rejection.message()).isEqualTo("redirectOnError needs a redirectUri.");
        assertThat(rejection.pending()).isEmpty();
    }

    @Test
    void minting_gives_a_state_and_the_record_to_store_under_it() {
        Connecting.Minted minted = ok(request("123", DONE, true)).mint(new Random(11), NOW, TTL);

        assertThat(minted.state().value()).hasSize(StateToken.LENGTH);
        assertThat(minted.pending())
                .isEqualTo(new PendingAuthorization(
                        new ProjectId("acme"),
                        new PatientId("123"),
                        new ProviderSlug("withings"),
                        Optional.of(ReturnUrl.parse(DONE)),
                        true,
                        minted.pending().pkceVerifier(),
                        NOW.plus(TTL)));
        assertThat(minted.pending().pkceVerifier()).isPresent();
        assertThat(minted.pending().expiresAt()).isEqualTo(Instant.parse("2026-11-21T10:10:00Z"));
    }

    @Test
    void a_provider_without_pkce_gets_no_verifier() {
        ConfiguredProvider noPkce = Fixtures.provider("strava", Pkce.NONE, IssuerPolicy.none());
        Connecting connecting = ok(Connecting.request(project, noPkce, "123", null, false));

        assertThat(connecting.mint(new Random(11), NOW, TTL).pending().pkceVerifier())
                .isEmpty();
    }

    @Test
    void state_and_verifier_are_distinct_draws_from_the_injected_generator() {
        Connecting connecting = ok(request("123", null, false));
        Connecting.Minted first = connecting.mint(new Random(11), NOW, TTL);
        Connecting.Minted again = connecting.mint(new Random(11), NOW, TTL);

        assertThat(again).isEqualTo(first);
        assertThat(first.pending().pkceVerifier().orElseThrow().value())
                .isNotEqualTo(first.state().value());
    }
}
