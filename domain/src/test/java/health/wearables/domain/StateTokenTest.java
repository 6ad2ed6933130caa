package health.wearables.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Base64;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class StateTokenTest {
    private static final String VALID = Fixtures.state(1).value();

    @Test
    void a_minted_state_is_43_base64url_characters_carrying_256_bits() {
        StateToken state = StateToken.mint(new Random(7));

        assertThat(state.value()).hasSize(43).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(state.value())).hasSize(32);
    }

    @Test
    void a_state_comes_from_the_injected_generator() {
        assertThat(StateToken.mint(new Random(7))).isEqualTo(StateToken.mint(new Random(7)));
        assertThat(StateToken.mint(new Random(7))).isNotEqualTo(StateToken.mint(new Random(8)));
    }

    @Test
    void a_minted_state_is_accepted_back_as_it_was_sent() {
        assertThat(new StateToken(VALID).value()).isEqualTo(VALID);
    }

    @Test
    void the_storage_key_is_the_sha256_of_the_state_never_the_state() {
        StateToken state = new StateToken(VALID);

        assertThat(state.fingerprint())
                .isEqualTo(Hashing.sha256Hex(VALID))
                .hasSize(64)
                .doesNotContain(VALID);
    }

    static Stream<String> malformed() {
        return Stream.of(
                VALID.substring(1), // 42 characters
                VALID + "A", // 44 characters
                VALID.substring(0, 42) + "+", // base64, not base64url
                VALID.substring(0, 42) + "/",
                VALID.substring(0, 42) + "=", // padding
                VALID.substring(0, 20) + "\u0000" + VALID.substring(21),
                VALID.substring(0, 20) + "\r" + VALID.substring(21),
                VALID.substring(0, 20) + "\n" + VALID.substring(21),
                VALID.substring(0, 42) + "\n",
                "A".repeat(513), // over 512 bytes
                "%41" + VALID.substring(3), // percent-encoded, 43 characters long
                "%2541" + VALID.substring(5), // percent-encoded twice
                "\u0410" + VALID.substring(1), // Cyrillic capital A
                "\uFF21" + VALID.substring(1), // fullwidth A
                "\u0661" + VALID.substring(1), // Arabic-Indic digit one
                VALID.substring(0, 21) + " " + VALID.substring(22));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @MethodSource("malformed")
    void a_state_of_another_length_or_alphabet_is_refused(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> new StateToken(text));
    }
}
