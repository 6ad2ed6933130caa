package health.wearables.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 9207: the {@code iss} of an authorization response against the provider's issuer. */
class IssuerPolicyTest {
    private static final String ISSUER = "https://account.withings.example";

    @Test
    void without_a_configured_issuer_any_or_no_iss_is_accepted() {
        IssuerPolicy policy = IssuerPolicy.none();

        assertThat(policy.accepts(Optional.empty())).isTrue();
        assertThat(policy.accepts(Optional.of("https://anyone.example"))).isTrue();
    }

    @Test
    void with_a_configured_issuer_a_present_iss_must_equal_it_exactly() {
        for (IssuerPolicy policy : new IssuerPolicy[] {IssuerPolicy.expected(ISSUER), IssuerPolicy.required(ISSUER)}) {
            assertThat(policy.accepts(Optional.of(ISSUER))).isTrue();
            assertThat(policy.accepts(Optional.of("https://evil.example"))).isFalse();
            assertThat(policy.accepts(Optional.of(ISSUER + "/"))).isFalse();
            assertThat(policy.accepts(Optional.of(ISSUER.toUpperCase(Locale.ROOT))))
                    .isFalse();
        }
    }

    @Test
    void a_missing_iss_is_accepted_unless_the_provider_always_sends_it() {
        assertThat(IssuerPolicy.expected(ISSUER).accepts(Optional.empty())).isTrue();
        assertThat(IssuerPolicy.required(ISSUER).accepts(Optional.empty())).isFalse();
        assertThat(IssuerPolicy.required(ISSUER).accepts(Optional.of(ISSUER))).isTrue();
    }

    @Test
    void an_issuer_check_needs_the_issuer() {
        assertThatIllegalArgumentException().isThrownBy(() -> IssuerPolicy.required(""));
        assertThatIllegalArgumentException().isThrownBy(() -> IssuerPolicy.expected(" "));
        assertThatIllegalArgumentException().isThrownBy(() -> IssuerPolicy.required(null));
    }
}
