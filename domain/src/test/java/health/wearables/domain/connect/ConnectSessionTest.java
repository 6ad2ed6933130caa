package health.wearables.domain.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import health.wearables.domain.Connecting;
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
import health.wearables.domain.Step;
import health.wearables.domain.audit.ApiKeyId;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConnectSessionTest {
    private static final Instant EXPIRES = Fixtures.NOW.plusSeconds(1800);
    private static final ApiKeyId BY = new ApiKeyId("0123456789ab");
    private final Project project = Fixtures.project(Fixtures.DASHBOARD);
    private final List<ProviderSlug> usable = List.of(new ProviderSlug("withings"), new ProviderSlug("oura"));

    private Step<ConnectSession> request(String patientId, String redirectUri, Optional<List<String>> providers) {
        return ConnectSession.request(project, patientId, redirectUri, providers, usable, BY, EXPIRES);
    }

    @Test
    void a_token_carries_256_bits_base64url_and_never_prints() {
        ConnectSessionToken token = ConnectSessionToken.mint(new Random(3));

        assertThat(token.value()).hasSize(43).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(token.value())).hasSize(32);
        assertThat(token.toString()).isEqualTo("ConnectSessionToken[redacted]");
        assertThat(token.fingerprint()).isEqualTo(Hashing.sha256Hex(token.value()));
        assertThat(ConnectSessionToken.parse(token.value())).contains(token);
        assertThat(ConnectSessionToken.parse(token.value() + "A")).isEmpty();
        assertThat(ConnectSessionToken.parse(null)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> new ConnectSessionToken("x"));
    }

    @Test
    void without_requested_providers_the_session_offers_every_usable_one() {
        ConnectSession session = Fixtures.ok(request("123", Fixtures.DONE, Optional.empty()));

        assertThat(session.providers()).isEqualTo(usable);
        assertThat(session.patient()).isEqualTo(new PatientId("123"));
        assertThat(session.returnUrl()).contains(ReturnUrl.parse(Fixtures.DONE));
        assertThat(session.openedBy()).isEqualTo(BY);
        assertThat(session.expiresAt()).isEqualTo(EXPIRES);
        assertThat(session.offers(new ProviderSlug("oura"))).isTrue();
        assertThat(session.offers(new ProviderSlug("fitbit"))).isFalse();
    }

    @Test
    void requested_providers_keep_their_order_once_each() {
        ConnectSession session = Fixtures.ok(request("123", null, Optional.of(List.of("oura", "withings", "oura"))));

        assertThat(session.providers()).containsExactly(new ProviderSlug("oura"), new ProviderSlug("withings"));
    }

    @Test
    void an_unknown_provider_is_refused_without_echoing_it() {
        Rejection rejection = Fixtures.rejection(request("123", null, Optional.of(List.of("<script>"))));

        assertThat(rejection.code()).isEqualTo(RejectionCode.VALIDATION_FAILED);
        assertThat(rejection.message()).doesNotContain("<script>");
    }

    @Test
    void the_redirect_uri_follows_the_rules_of_connect() {
        Rejection outside = Fixtures.rejection(request("123", "https://evil.example/", Optional.empty()));

        assertThat(outside.message())
                .isEqualTo("redirectUri is not under any of the project's allowed redirect prefixes.");
    }

    @Test
    void expiry_is_at_the_instant_itself() {
        ConnectSession session = Fixtures.ok(request("123", null, Optional.empty()));

        assertThat(session.isExpiredAt(EXPIRES.minusMillis(1))).isFalse();
        assertThat(session.isExpiredAt(EXPIRES)).isTrue();
    }

    @Test
    void a_choice_on_the_page_mints_a_state_whose_record_remembers_the_page() {
        ConnectSession withReturn = Fixtures.ok(request("123", Fixtures.DONE, Optional.empty()));
        ConnectSession withoutReturn = Fixtures.ok(request("123", null, Optional.empty()));

        PendingAuthorization back = Connecting.onConnectPage(project, Fixtures.provider("withings"), withReturn)
                .mint(new Random(1), Fixtures.NOW, Fixtures.TTL)
                .pending();
        PendingAuthorization page = Connecting.onConnectPage(project, Fixtures.provider("withings"), withoutReturn)
                .mint(new Random(1), Fixtures.NOW, Fixtures.TTL)
                .pending();

        assertThat(back.fromConnectPage()).isTrue();
        assertThat(back.redirectOnError())
                .as("errors go back to the dashboard too")
                .isTrue();
        assertThat(page.fromConnectPage()).isTrue();
        assertThat(page.redirectOnError()).isFalse();
        assertThat(page.patient()).isEqualTo(new PatientId("123"));
    }

    @Test
    void a_session_is_never_used_for_another_project() {
        ConnectSession session = new ConnectSession(
                new ProjectId("globex"), new PatientId("123"), Optional.empty(), usable, BY, EXPIRES);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Connecting.onConnectPage(project, Fixtures.provider("withings"), session));
    }

    @Test
    void a_session_offers_at_least_one_provider() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConnectSession(
                        new ProjectId("acme"), new PatientId("1"), Optional.empty(), List.of(), BY, EXPIRES));
    }
}
