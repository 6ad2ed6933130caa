package health.wearables.domain.callback;

import static health.wearables.domain.Fixtures.DASHBOARD;
import static health.wearables.domain.Fixtures.DONE;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.Fixtures;
import health.wearables.domain.Hashing;
import health.wearables.domain.PatientId;
import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.Project;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.ReturnUrl;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * State 7: the outcome, and a redirect or a direct answer, decided by the stored record and the project's allow-list as
 * it is now.
 */
class CallbackAnswerTest {
    private static final Optional<Project> ALLOWING = Optional.of(Fixtures.project(DASHBOARD));
    private static final Rejection DECLINED = Rejection.of(
                    RejectionCode.PROVIDER_ERROR, "Access was not granted at the provider.")
            .withProviderError("access_denied");

    private static PendingAuthorization pending(Optional<String> returnUrl, boolean redirectOnError) {
        return Fixtures.pending("withings", returnUrl, redirectOnError);
    }

    private static final CallbackAnswer.Connected CONNECTED =
            new CallbackAnswer.Connected(new ProviderSlug("withings"), new PatientId("123"));
    private static final CallbackAnswer.Pending PENDING =
            new CallbackAnswer.Pending(new ProviderSlug("withings"), new PatientId("123"));

    private static URI location(CallbackAnswer answer) {
        assertThat(answer.redirect()).as("a redirect").isPresent();
        return answer.redirect().orElseThrow();
    }

    private static CallbackAnswer direct(CallbackAnswer.Outcome outcome) {
        return new CallbackAnswer(outcome, Optional.empty());
    }

    @Test
    void connected_with_an_allowed_return_url_redirects_with_status_provider_and_patient_only() {
        CallbackAnswer answer = CallbackAnswer.connected(pending(Optional.of(DONE), false), ALLOWING);

        assertThat(location(answer)).hasToString(DONE + "?status=connected&provider=withings&patientId=123");
        assertThat(answer.outcome()).isEqualTo(CONNECTED);
    }

    @Test
    void connected_keeps_the_return_urls_own_query_and_fragment() {
        String withQuery = "https://dashboard.example.com/wearables/done?tab=devices#list";
        CallbackAnswer answer = CallbackAnswer.connected(pending(Optional.of(withQuery), false), ALLOWING);

        assertThat(location(answer))
                .hasToString(
                        "https://dashboard.example.com/wearables/done?tab=devices&status=connected&provider=withings&patientId=123#list");
    }

    @Test
    void connected_without_a_return_url_is_answered_directly() {
        CallbackAnswer answer = CallbackAnswer.connected(pending(Optional.empty(), false), ALLOWING);

        assertThat(answer).isEqualTo(direct(CONNECTED));
    }

    @Test
    void connected_is_answered_directly_when_the_allow_list_no_longer_allows_the_return_url() {
        Optional<Project> narrowed = Optional.of(Fixtures.project("https://dashboard.example.com/other/"));

        CallbackAnswer answer = CallbackAnswer.connected(pending(Optional.of(DONE), true), narrowed);

        assertThat(answer).isEqualTo(direct(CONNECTED));
    }

    @Test
    void connected_is_answered_directly_when_the_project_is_gone_or_is_another_project() {
        Project otherAllowing =
                new Project(new ProjectId("other"), List.of(Hashing.sha256("k")), List.of(ReturnUrl.parse(DASHBOARD)));

        assertThat(CallbackAnswer.connected(pending(Optional.of(DONE), false), Optional.empty()))
                .isEqualTo(direct(CONNECTED));
        assertThat(CallbackAnswer.connected(pending(Optional.of(DONE), false), Optional.of(otherAllowing)))
                .isEqualTo(direct(CONNECTED));
    }

    @Test
    void pending_with_an_allowed_return_url_redirects_with_status_pending_provider_and_patient_only() {
        CallbackAnswer answer = CallbackAnswer.pending(pending(Optional.of(DONE), false), ALLOWING);

        assertThat(location(answer)).hasToString(DONE + "?status=pending&provider=withings&patientId=123");
        assertThat(answer.outcome()).isEqualTo(PENDING);
    }

    @Test
    void pending_without_an_allowed_return_url_is_answered_directly() {
        Optional<Project> narrowed = Optional.of(Fixtures.project("https://dashboard.example.com/other/"));

        assertThat(CallbackAnswer.pending(pending(Optional.empty(), false), ALLOWING))
                .isEqualTo(direct(PENDING));
        assertThat(CallbackAnswer.pending(pending(Optional.of(DONE), false), narrowed))
                .isEqualTo(direct(PENDING));
    }

    @Test
    void a_refusal_after_the_state_check_goes_back_to_the_dashboard_when_asked_to() {
        Rejection rejection = DECLINED.after(pending(Optional.of(DONE), true));

        CallbackAnswer answer = CallbackAnswer.refused(rejection, ALLOWING);

        assertThat(location(answer)).hasToString(DONE + "?status=error&error=provider_error&provider=withings");
        assertThat(answer.outcome()).isEqualTo(new CallbackAnswer.Refused(rejection));
    }

    @ParameterizedTest
    @EnumSource(RejectionCode.class)
    void the_error_in_the_redirect_is_the_rejection_code_in_lower_case(RejectionCode code) {
        Rejection rejection = Rejection.of(code, "message").after(pending(Optional.of(DONE), true));

        assertThat(location(CallbackAnswer.refused(rejection, ALLOWING)).getRawQuery())
                .isEqualTo(
                        "status=error&error=" + code.name().toLowerCase(java.util.Locale.ROOT) + "&provider=withings");
    }

    @Test
    void a_refusal_is_answered_directly_when_redirect_on_error_was_not_asked_for() {
        Rejection rejection = DECLINED.after(pending(Optional.of(DONE), false));

        assertThat(CallbackAnswer.refused(rejection, ALLOWING))
                .isEqualTo(direct(new CallbackAnswer.Refused(rejection)));
    }

    @Test
    void a_refusal_before_the_state_was_verified_is_answered_directly() {
        Rejection invalidState = Rejection.of(RejectionCode.INVALID_STATE, "The authorization link is invalid.");

        assertThat(CallbackAnswer.refused(invalidState, ALLOWING))
                .isEqualTo(direct(new CallbackAnswer.Refused(invalidState)));
    }

    @Test
    void a_refusal_is_answered_directly_when_the_allow_list_no_longer_allows_the_return_url() {
        Rejection rejection = DECLINED.after(pending(Optional.of(DONE), true));

        assertThat(CallbackAnswer.refused(rejection, Optional.of(Fixtures.project())))
                .isEqualTo(direct(new CallbackAnswer.Refused(rejection)));
        assertThat(CallbackAnswer.refused(rejection, Optional.empty()))
                .isEqualTo(direct(new CallbackAnswer.Refused(rejection)));
    }
}
