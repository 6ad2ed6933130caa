package health.wearables.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PkceVerifierTest {

    @Test
    void the_s256_challenge_is_the_one_of_rfc_7636_appendix_b() {
        assertThat(new PkceVerifier(Fixtures.RFC7636_VERIFIER).s256Challenge())
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void a_minted_verifier_is_43_unreserved_characters_from_the_injected_generator() {
        PkceVerifier verifier = PkceVerifier.mint(new Random(3));

        assertThat(verifier.value()).matches("[A-Za-z0-9_-]{43}");
        assertThat(verifier).isEqualTo(PkceVerifier.mint(new Random(3)));
    }

    @Test
    void a_verifier_may_be_up_to_128_characters() {
        assertThat(new PkceVerifier("a.b~c_d-".repeat(16)).value()).hasSize(128);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"shorter-than-forty-three-characters", "dBjftJeZ4CVP+mB92K27uhbUJU1p1r/wW1gFWFOEjXk="})
    void a_verifier_of_the_wrong_length_or_alphabet_is_refused(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new PkceVerifier(value));
    }

    @Test
    void a_verifier_over_128_characters_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PkceVerifier("a".repeat(129)));
    }
}
