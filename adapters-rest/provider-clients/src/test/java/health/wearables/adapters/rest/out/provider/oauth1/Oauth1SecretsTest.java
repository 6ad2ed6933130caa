package health.wearables.adapters.rest.out.provider.oauth1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import health.wearables.adapters.rest.out.provider.oauth1.Oauth1Result.Obtained;
import health.wearables.domain.ClientSecret;
import health.wearables.domain.Oauth1Token;
import health.wearables.domain.Oauth1TokenSecret;
import health.wearables.domain.Oauth1Verifier;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The OAuth 1.0a credential values: they never print, and they take only bounded visible ASCII. */
class Oauth1SecretsTest {
    private static final String VALUE = "hh5s93j4hdidpola";
    private static final List<Function<String, Object>> TYPES =
            List.of(Oauth1Token::new, Oauth1TokenSecret::new, Oauth1Verifier::new);

    @Test
    void no_value_prints_itself_even_inside_credentials_and_results() {
        TokenCredentials token = new TokenCredentials(new Oauth1Token(VALUE), new Oauth1TokenSecret(VALUE));
        TemporaryCredentials temporary = new TemporaryCredentials(new Oauth1Token(VALUE), new Oauth1TokenSecret(VALUE));
        List<Object> printed = List.of(
                new Oauth1Token(VALUE),
                new Oauth1TokenSecret(VALUE),
                new Oauth1Verifier(VALUE),
                token,
                temporary,
                new Obtained<>(token),
                new ClientCredentials("key", new ClientSecret(VALUE)),
                new Parameter("oauth_verifier", VALUE));

        assertThat(printed).allSatisfy(value -> assertThat(value.toString()).doesNotContain(VALUE));
        assertThat(new Oauth1TokenSecret(VALUE).toString()).isEqualTo("Oauth1TokenSecret[redacted]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "tab\t", "é", "new\nline"})
    void rejects_values_outside_visible_ascii(String value) {
        TYPES.forEach(type -> assertThatIllegalArgumentException().isThrownBy(() -> type.apply(value)));
    }

    @Test
    void rejects_null_and_values_over_1024_characters_and_takes_1024() {
        TYPES.forEach(type -> {
            assertThatIllegalArgumentException().isThrownBy(() -> type.apply(null));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> type.apply("a".repeat(1025)))
                    .withMessageNotContaining("aaaa");
            assertThat(type.apply("~".repeat(1024))).isNotNull();
        });
    }
}
