package health.wearables.domain.callback;

import static health.wearables.domain.Fixtures.ok;
import static health.wearables.domain.Fixtures.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.AuthorizationCode;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.Fixtures;
import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.TokenSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hostile case 21: the connection records the granted scopes; a missing required scope is an error. */
class RequiredScopesTest {
    private static final TokenSet TOKENS = Fixtures.tokens("access-1", Optional.of("refresh-1")); // scopes: activity

    private static StateVerified verified(List<String> required, Optional<String> callbackScope) {
        ConfiguredProvider base = Fixtures.provider("withings");
        ConfiguredProvider provider = new ConfiguredProvider(
                base.slug(),
                "Withings",
                base.oauthVersion(),
                base.endpoints(),
                base.client(),
                base.scopes().requiring(required),
                base.pkce(),
                base.issuer());
        return new StateVerified(
                provider,
                Fixtures.pending("withings", Optional.empty(), false),
                new Grant.AuthorizationCodeGrant(new AuthorizationCode("code-1"), Optional.empty()),
                callbackScope);
    }

    @Test
    void granted_scopes_that_cover_the_required_ones_connect_and_are_recorded() {
        TokensObtained obtained =
                ok(verified(List.of("activity"), Optional.empty()).exchanged(new ExchangeResult.Exchanged(TOKENS)));

        assertThat(obtained.tokens().scopes()).containsExactly("activity");
    }

    @Test
    void a_missing_required_scope_is_refused_with_a_message_naming_it() {
        Rejection rejection = rejection(verified(List.of("activity", "sleep"), Optional.empty())
                .exchanged(new ExchangeResult.Exchanged(TOKENS)));

        assertThat(rejection.code()).isEqualTo(RejectionCode.PROVIDER_ERROR);
        assertThat(rejection.message()).contains("Withings").contains("sleep").doesNotContain("activity,");
        assertThat(rejection.pending()).isPresent();
        assertThat(rejection.providerError()).isEmpty();
    }

    @Test
    void the_scopes_reported_on_the_callback_are_the_granted_ones() {
        TokensObtained obtained =
                ok(verified(List.of("read", "activity:read_all"), Optional.of("read,activity:read_all,profile"))
                        .exchanged(new ExchangeResult.Exchanged(TOKENS)));

        assertThat(obtained.tokens().scopes()).containsExactly("read", "activity:read_all", "profile");
    }

    @Test
    void a_callback_reporting_fewer_scopes_than_required_is_refused() {
        Rejection rejection = rejection(verified(List.of("read", "activity:read_all"), Optional.of("read"))
                .exchanged(new ExchangeResult.Exchanged(TOKENS)));

        assertThat(rejection.code()).isEqualTo(RejectionCode.PROVIDER_ERROR);
        assertThat(rejection.message()).contains("activity:read_all");
    }
}
