package health.wearables.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfiguredProviderTest {
    private static final String ISSUER = "https://account.withings.example";

    private static ConfiguredProvider withIssuer(Optional<String> issuer, boolean required) {
        return Fixtures.provider("withings", true, issuer, required);
    }

    @Test
    void without_a_configured_issuer_any_or_no_iss_is_accepted() {
        ConfiguredProvider provider = withIssuer(Optional.empty(), false);

        assertThat(provider.acceptsIssuer(Optional.empty())).isTrue();
        assertThat(provider.acceptsIssuer(Optional.of("https://anyone.example"))).isTrue();
    }

    @Test
    void with_a_configured_issuer_a_present_iss_must_equal_it_exactly() {
        ConfiguredProvider provider = withIssuer(Optional.of(ISSUER), false);

        assertThat(provider.acceptsIssuer(Optional.of(ISSUER))).isTrue();
        assertThat(provider.acceptsIssuer(Optional.of("https://evil.example"))).isFalse();
        assertThat(provider.acceptsIssuer(Optional.of(ISSUER + "/"))).isFalse();
        assertThat(provider.acceptsIssuer(Optional.of(ISSUER.toUpperCase()))).isFalse();
    }

    @Test
    void a_missing_iss_is_accepted_unless_the_provider_always_sends_it() {
        assertThat(withIssuer(Optional.of(ISSUER), false).acceptsIssuer(Optional.empty())).isTrue();
        assertThat(withIssuer(Optional.of(ISSUER), true).acceptsIssuer(Optional.empty())).isFalse();
        assertThat(withIssuer(Optional.of(ISSUER), true).acceptsIssuer(Optional.of(ISSUER))).isTrue();
    }

    @Test
    void requiring_iss_needs_a_configured_issuer() {
        assertThatIllegalArgumentException().isThrownBy(() -> withIssuer(Optional.empty(), true));
    }
}
