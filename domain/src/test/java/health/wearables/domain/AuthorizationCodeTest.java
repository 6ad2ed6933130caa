package health.wearables.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorizationCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"SplxlOBeZQQYbYS6WxSbIA", "a", "4/0AbC-dE_f.g~h+i=j", "!#$%&'()*+,-./:;<=>?@[]^_`{|}~\"\\"})
    void a_code_of_visible_ascii_characters_is_accepted(String code) {
        assertThat(new AuthorizationCode(code).value()).isEqualTo(code);
    }

    @Test
    void a_code_of_1024_characters_is_accepted_and_one_of_1025_is_refused() {
        assertThat(new AuthorizationCode("c".repeat(1024)).value()).hasSize(1024);
        assertThatIllegalArgumentException().isThrownBy(() -> new AuthorizationCode("c".repeat(1025)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "abc def",
                " abc",
                "abc\t",
                "abc\u0000",
                "abc\r\n",
                "abc\u007F",
                "cod\u00E9",
                "\u0441ode",
                "code\u200B"
            })
    void a_code_with_spaces_control_or_non_ascii_characters_is_refused(String code) {
        assertThatIllegalArgumentException().isThrownBy(() -> new AuthorizationCode(code));
    }
}
