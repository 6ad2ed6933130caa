package health.wearables.adapters.rest.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import health.wearables.adapters.rest.in.api.CallbackResource;
import health.wearables.domain.ProviderSlug;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicCallbackUrisTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://gateway.example.org", "https://gateway.example.org/"})
    void the_callback_is_the_base_url_with_the_apis_provider_route_and_no_double_slash(String base) {
        assertThat(new PublicCallbackUris(URI.create(base), CallbackResource.OVOK_PATH)
                        .callbackFor(new ProviderSlug("withings")))
                .hasToString("https://gateway.example.org/v1/wearables/withings/callback");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/relative", "https://gateway.example.org/?x=1", "https://gateway.example.org/#top"})
    void a_relative_base_or_one_with_query_or_fragment_is_refused(String base) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PublicCallbackUris(URI.create(base), CallbackResource.OVOK_PATH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/wearables/{provider}/callback", "v1/wearables/callback"})
    void a_route_that_is_absolute_or_names_no_provider_is_refused(String route) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PublicCallbackUris(URI.create("https://gateway.example.org"), route));
    }
}
