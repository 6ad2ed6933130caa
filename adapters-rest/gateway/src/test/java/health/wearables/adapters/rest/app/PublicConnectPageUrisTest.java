package health.wearables.adapters.rest.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import health.wearables.adapters.rest.in.api.ConnectPageResource;
import health.wearables.domain.connect.ConnectSessionToken;
import java.net.URI;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PublicConnectPageUrisTest {
    private final ConnectSessionToken token = ConnectSessionToken.mint(new Random(5));

    @Test
    void the_link_is_the_base_url_the_pages_route_and_the_token() {
        PublicConnectPageUris uris =
                new PublicConnectPageUris(URI.create("https://gateway.example.org/"), ConnectPageResource.ROUTE);

        assertThat(uris.pageFor(token))
                .isEqualTo(URI.create("https://gateway.example.org/v1/wearables/connect-page/" + token.value()));
    }

    @Test
    void a_base_url_with_a_path_keeps_it() {
        PublicConnectPageUris uris =
                new PublicConnectPageUris(URI.create("https://example.org/wearables"), ConnectPageResource.ROUTE);

        assertThat(uris.pageFor(token).toString())
                .isEqualTo("https://example.org/wearables/v1/wearables/connect-page/" + token.value());
    }

    @Test
    void a_base_url_with_a_query_is_refused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PublicConnectPageUris(URI.create("https://example.org/?a=b"), "x"));
    }
}
