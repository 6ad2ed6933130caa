package health.wearables.domain.callback;

import static health.wearables.domain.Fixtures.NOW;
import static health.wearables.domain.Fixtures.TTL;
import static health.wearables.domain.Fixtures.ok;
import static health.wearables.domain.Fixtures.query;
import static health.wearables.domain.Fixtures.rejection;
import static health.wearables.domain.callback.Callbacks.CODE;
import static health.wearables.domain.callback.Callbacks.STATE;
import static health.wearables.domain.callback.Callbacks.approved;
import static health.wearables.domain.callback.Callbacks.stored;
import static health.wearables.domain.callback.Callbacks.verify;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.AuthorizationCode;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.Fixtures;
import health.wearables.domain.IssuerPolicy;
import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.Pkce;
import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** State 2 → 3: what the atomic take returned decides; from here on the state is spent. */
class StateReceivedTest {
    private static final String ISSUER = "https://account.withings.example";

    @Test
    void a_record_for_this_provider_with_a_code_verifies() {
        StateVerified verified = ok(verify(approved("scope", "activity"), stored()));

        assertThat(verified.provider()).isEqualTo(Callbacks.WITHINGS);
        assertThat(verified.pending()).isEqualTo(stored().orElseThrow());
        assertThat(verified.grant())
                .isEqualTo(new Grant.AuthorizationCodeGrant(
                        new AuthorizationCode(CODE), stored().orElseThrow().pkceVerifier()));
        assertThat(verified.grantedScope()).contains("activity");
    }

    @Test
    void the_tenant_comes_from_the_stored_record_never_from_the_query() {
        StateVerified verified = ok(verify(
                approved(
                        "project",
                        "other",
                        "tenant",
                        "other",
                        "patientId",
                        "999",
                        "redirect_uri",
                        "https://evil.example/",
                        "user_id",
                        "999"),
                stored()));

        assertThat(verified.pending().project().value()).isEqualTo("acme");
        assertThat(verified.pending().patient().value()).isEqualTo("123");
        assertThat(verified.pending().returnUrl()).isEmpty();
    }

    @Test
    void nothing_taken_is_an_invalid_state_without_a_record() {
        Rejection rejection = rejection(verify(approved(), Optional.empty()));

        assertThat(rejection.code()).isEqualTo(RejectionCode.INVALID_STATE);
        assertThat(rejection.message()).contains("start connecting again");
        assertThat(rejection.pending()).isEmpty();
    }

    @Test
    void an_expired_record_is_refused_exactly_like_an_unknown_one() {
        Optional<PendingAuthorization> expired = Optional.of(Fixtures.pending("withings", Optional.empty(), true));
        StateReceived received = ok(Callbacks.arrive("withings", approved()));

        Rejection atExpiry = rejection(received.verify(expired, NOW.plus(TTL)));
        Rejection unknown = rejection(received.verify(Optional.empty(), NOW));

        assertThat(atExpiry).isEqualTo(unknown);
        assertThat(ok(received.verify(expired, NOW.plus(TTL).minusMillis(1))).pending())
                .isEqualTo(expired.get());
    }

    @Test
    void a_record_minted_for_another_provider_is_a_mismatch_that_carries_the_record() {
        Optional<PendingAuthorization> forFitbit = Optional.of(Fixtures.pending("fitbit", Optional.empty(), true));

        Rejection rejection = rejection(verify(approved(), forFitbit));

        assertThat(rejection.code()).isEqualTo(RejectionCode.PROVIDER_MISMATCH);
        assertThat(rejection.message()).isEqualTo("This authorization was started for another provider.");
        assertThat(rejection.pending()).isEqualTo(forFitbit);
    }

    static Stream<Map<String, List<String>>> wrongIssuer() {
        return Stream.of(approved("iss", "https://evil.example"), approved("iss", ISSUER + "/"), approved());
    }

    @ParameterizedTest
    @MethodSource("wrongIssuer")
    void an_iss_other_than_the_providers_issuer_or_missing_where_required_is_a_mismatch(
            Map<String, List<String>> query) {
        ConfiguredProvider strict = Fixtures.provider("withings", Pkce.S256, IssuerPolicy.required(ISSUER));
        StateReceived received = ok(Received.parse("withings", query).then(r -> r.identify(Optional.of(strict))));

        Rejection rejection = rejection(received.verify(stored(), NOW));

        assertThat(rejection.code()).isEqualTo(RejectionCode.PROVIDER_MISMATCH);
        assertThat(rejection.message())
                .isEqualTo("The authorization response does not come from the provider's issuer.");
        assertThat(rejection.pending()).isEqualTo(stored());
    }

    @Test
    void a_declined_consent_is_the_providers_error_named_access_denied() {
        Rejection rejection = rejection(verify(query("state", STATE.value(), "error", "access_denied"), stored()));

        assertThat(rejection.code()).isEqualTo(RejectionCode.PROVIDER_ERROR);
        assertThat(rejection.providerError()).contains("access_denied");
        assertThat(rejection.message()).isEqualTo("Access was not granted at the provider.");
        assertThat(rejection.pending()).isEqualTo(stored());
    }

    @ParameterizedTest
    @ValueSource(strings = {"invalid_scope", "server_error", "temporarily_unavailable"})
    void another_registered_error_is_named_back(String error) {
        Rejection rejection = rejection(verify(query("state", STATE.value(), "error", error), stored()));

        assertThat(rejection.providerError()).contains(error);
        assertThat(rejection.message()).isEqualTo("The provider reported an error.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "Access_Denied", "call 555-0100 to unlock"})
    void an_unregistered_error_is_not_named_back(String error) {
        Rejection rejection = rejection(verify(query("state", STATE.value(), "error", error), stored()));

        assertThat(rejection.code()).isEqualTo(RejectionCode.PROVIDER_ERROR);
        assertThat(rejection.providerError()).isEmpty();
        assertThat(rejection.message()).doesNotContain(error);
    }

    @Test
    void both_code_and_error_are_treated_as_the_error() {
        Rejection rejection = rejection(verify(approved("error", "access_denied"), stored()));

        assertThat(rejection.code()).isEqualTo(RejectionCode.PROVIDER_ERROR);
    }

    @Test
    void neither_code_nor_error_is_a_missing_parameter_after_the_state_was_spent() {
        Rejection rejection = rejection(verify(query("state", STATE.value()), stored()));

        assertThat(rejection.code()).isEqualTo(RejectionCode.MISSING_PARAMETER);
        assertThat(rejection.message()).isEqualTo("The code parameter is missing.");
        assertThat(rejection.pending()).isEqualTo(stored());
    }

    @Test
    void a_record_without_verifier_is_never_exchanged_at_a_provider_configured_with_pkce() {
        PendingAuthorization withoutVerifier = new PendingAuthorization(
                stored().get().project(),
                stored().get().patient(),
                stored().get().provider(),
                Optional.empty(),
                true,
                Optional.empty(),
                NOW.plus(TTL));

        Rejection rejection = rejection(verify(approved(), Optional.of(withoutVerifier)));

        assertThat(rejection.code()).isEqualTo(RejectionCode.PROVIDER_MISMATCH);
        assertThat(rejection.message()).contains("start connecting again");
        assertThat(rejection.pending()).contains(withoutVerifier);
    }

    @Test
    void a_record_without_verifier_verifies_at_a_provider_without_pkce() {
        ConfiguredProvider noPkce = Fixtures.provider("withings", Pkce.NONE, IssuerPolicy.none());
        PendingAuthorization withoutVerifier = new PendingAuthorization(
                stored().get().project(),
                stored().get().patient(),
                stored().get().provider(),
                Optional.empty(),
                false,
                Optional.empty(),
                NOW.plus(TTL));
        StateReceived received = ok(Received.parse("withings", approved()).then(r -> r.identify(Optional.of(noPkce))));

        assertThat(ok(received.verify(Optional.of(withoutVerifier), NOW))
                        .pending()
                        .pkceVerifier())
                .isEmpty();
    }

    static Stream<Map<String, List<String>>> everyRejectedCallback() {
        String description = "<script>alert('x')</script>\r\nSet-Cookie: a=b";
        return Stream.of(
                query("error_description", description),
                query("code", CODE, "error_description", description),
                query("state", "bad", "error_description", description),
                query("state", STATE.value(), "error", "access_denied", "error_description", description),
                query("state", STATE.value(), "error", "made_up", "error_description", description),
                query("state", STATE.value(), "error_description", description),
                query("error", "access_denied", "error_description", description));
    }

    @ParameterizedTest
    @MethodSource("everyRejectedCallback")
    void the_error_description_never_appears_in_a_rejection(Map<String, List<String>> query) {
        Rejection rejection = rejection(verify(query, stored()));

        assertThat(rejection.message()).doesNotContain("script", "Set-Cookie", "\r", "\n");
        assertThat(rejection.toString()).doesNotContain("script", "Set-Cookie");
    }
}
