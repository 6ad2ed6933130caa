package health.wearables.domain.callback;

import static health.wearables.domain.Fixtures.DASHBOARD;
import static health.wearables.domain.Fixtures.DONE;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.Hashing;
import health.wearables.domain.PatientId;
import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.Project;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.ReturnUrl;
import health.wearables.domain.Fixtures;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** State 7: redirect or JSON, decided by the stored record and the project's allow-list as it is now. */
class CallbackAnswerTest {
    private static final Optional<Project> ALLOWING = Optional.of(Fixtures.project(DASHBOARD));
    private static final Rejection DECLINED = Rejection.of(RejectionCode.PROVIDER_ERROR, "Access was not granted at the provider.")
            .withProviderError("access_denied");

    private static PendingAuthorization pending(Optional<String> returnUrl, boolean redirectOnError) {
        return Fixtures.pending("withings", returnUrl, redirectOnError);
    }

    private static URI location(CallbackAnswer answer) {
        assertThat(answer).isInstanceOf(CallbackAnswer.Redirect.class);
        return ((CallbackAnswer.Redirect) answer).location();
    }

    @Test
    void connected_with_an_allowed_return_url_redirects_with_status_provider_and_patient_only() {
        CallbackAnswer answer = CallbackAnswer.connected(CallbackRoute.OVOK, pending(Optional.of(DONE), false), ALLOWING);

        assertThat(location(answer)).hasToString(DONE + "?status=connected&provider=withings&patientId=123");
    }

    @Test
    void connected_keeps_the_return_urls_own_query_and_fragment() {
        String withQuery = "https://dashboard.example.com/wearables/done?tab=devices#list";
        CallbackAnswer answer = CallbackAnswer.connected(CallbackRoute.OVOK, pending(Optional.of(withQuery), false), ALLOWING);

        assertThat(location(answer))
                .hasToString("https://dashboard.example.com/wearables/done?tab=devices&status=connected&provider=withings&patientId=123#list");
    }

    @Test
    void connected_without_a_return_url_answers_json_on_either_route() {
        for (CallbackRoute route : CallbackRoute.values()) {
            CallbackAnswer answer = CallbackAnswer.connected(route, pending(Optional.empty(), false), ALLOWING);

            assertThat(answer).isEqualTo(new CallbackAnswer.Connected(route, new ProviderSlug("withings"), new PatientId("123")));
        }
    }

    @Test
    void connected_answers_json_when_the_allow_list_no_longer_allows_the_return_url() {
        Optional<Project> narrowed = Optional.of(Fixtures.project("https://dashboard.example.com/other/"));

        CallbackAnswer answer = CallbackAnswer.connected(CallbackRoute.MIROBODY, pending(Optional.of(DONE), true), narrowed);

        assertThat(answer).isEqualTo(new CallbackAnswer.Connected(CallbackRoute.MIROBODY, new ProviderSlug("withings"), new PatientId("123")));
    }

    @Test
    void connected_answers_json_when_the_project_is_gone_or_is_another_project() {
        Project otherAllowing = new Project(new ProjectId("other"), List.of(Hashing.sha256("k")), List.of(ReturnUrl.parse(DASHBOARD)));

        assertThat(CallbackAnswer.connected(CallbackRoute.OVOK, pending(Optional.of(DONE), false), Optional.empty()))
                .isInstanceOf(CallbackAnswer.Connected.class);
        assertThat(CallbackAnswer.connected(CallbackRoute.OVOK, pending(Optional.of(DONE), false), Optional.of(otherAllowing)))
                .isInstanceOf(CallbackAnswer.Connected.class);
    }

    @Test
    void pending_with_an_allowed_return_url_redirects_with_status_pending_provider_and_patient_only() {
        CallbackAnswer answer = CallbackAnswer.pending(CallbackRoute.OVOK, pending(Optional.of(DONE), false), ALLOWING);

        assertThat(location(answer)).hasToString(DONE + "?status=pending&provider=withings&patientId=123");
    }

    @Test
    void pending_without_an_allowed_return_url_answers_json_on_either_route() {
        Optional<Project> narrowed = Optional.of(Fixtures.project("https://dashboard.example.com/other/"));
        for (CallbackRoute route : CallbackRoute.values()) {
            CallbackAnswer.Pending expected = new CallbackAnswer.Pending(route, new ProviderSlug("withings"), new PatientId("123"));

            assertThat(CallbackAnswer.pending(route, pending(Optional.empty(), false), ALLOWING)).isEqualTo(expected);
            assertThat(CallbackAnswer.pending(route, pending(Optional.of(DONE), false), narrowed)).isEqualTo(expected);
        }
    }

    @Test
    void a_refusal_after_the_state_check_goes_back_to_the_dashboard_when_asked_to() {
        Rejection rejection = DECLINED.after(pending(Optional.of(DONE), true));

        assertThat(location(CallbackAnswer.refused(rejection, ALLOWING)))
                .hasToString(DONE + "?status=error&error=provider_error&provider=withings");
    }

    @ParameterizedTest
    @EnumSource(RejectionCode.class)
    void the_error_in_the_redirect_is_the_rejection_code_in_lower_case(RejectionCode code) {
        Rejection rejection = Rejection.of(code, "message").after(pending(Optional.of(DONE), true));

        assertThat(location(CallbackAnswer.refused(rejection, ALLOWING)).getRawQuery())
                .isEqualTo("status=error&error=" + code.name().toLowerCase(java.util.Locale.ROOT) + "&provider=withings");
    }

    @Test
    void a_refusal_is_json_when_redirect_on_error_was_not_asked_for() {
        Rejection rejection = DECLINED.after(pending(Optional.of(DONE), false));

        assertThat(CallbackAnswer.refused(rejection, ALLOWING)).isEqualTo(new CallbackAnswer.Refused(rejection));
    }

    @Test
    void a_refusal_before_the_state_was_verified_is_json() {
        Rejection invalidState = Rejection.of(RejectionCode.INVALID_STATE, "The authorization link is invalid.");

        assertThat(CallbackAnswer.refused(invalidState, ALLOWING)).isEqualTo(new CallbackAnswer.Refused(invalidState));
    }

    @Test
    void a_refusal_is_json_when_the_allow_list_no_longer_allows_the_return_url() {
        Rejection rejection = DECLINED.after(pending(Optional.of(DONE), true));

        assertThat(CallbackAnswer.refused(rejection, Optional.of(Fixtures.project()))).isEqualTo(new CallbackAnswer.Refused(rejection));
        assertThat(CallbackAnswer.refused(rejection, Optional.empty())).isEqualTo(new CallbackAnswer.Refused(rejection));
    }
}
