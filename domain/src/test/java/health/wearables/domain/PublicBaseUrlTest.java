package health.wearables.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicBaseUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://gateway.example.org", "https://gateway.example.org/"})
    void the_callback_is_the_base_url_with_the_provider_route_and_no_double_slash(String base) {
        assertThat(new PublicBaseUrl(URI.create(base)).callbackFor(new ProviderSlug("withings")))
                .hasToString("https://gateway.example.org/v1/wearables/withings/callback");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/relative", "https://gateway.example.org/?x=1", "https://gateway.example.org/#top"})
    void a_relative_base_or_one_with_query_or_fragment_is_refused(String base) {
        assertThatIllegalArgumentException().isThrownBy(() -> new PublicBaseUrl(URI.create(base)));
    }
}
