package health.wearables.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ProviderEndpointsTest {
    private static final URI AUTHORIZE = URI.create("https://fit.example/oauth2/authorize");
    private static final URI TOKEN = URI.create("https://fit.example/oauth2/token");
    private static final URI API = URI.create("https://api.fit.example");
    private static final URI REVOKE = URI.create("https://fit.example/oauth2/revoke");

    @Test
    void the_factories_name_no_revocation_url() {
        assertThat(ProviderEndpoints.oauth2(AUTHORIZE, TOKEN, API).revocation()).isEmpty();
        assertThat(ProviderEndpoints.oauth1(
                                URI.create("https://fit.example/oauth/request_token"), AUTHORIZE, TOKEN, API)
                        .revocation())
                .isEmpty();
    }

    @Test
    void with_revocation_keeps_every_other_endpoint() {
        ProviderEndpoints oauth1 =
                ProviderEndpoints.oauth1(URI.create("https://fit.example/oauth/request_token"), AUTHORIZE, TOKEN, API);

        ProviderEndpoints revocable = oauth1.withRevocation(REVOKE);

        assertThat(revocable.revocation()).contains(REVOKE);
        assertThat(revocable.authorization()).isEqualTo(AUTHORIZE);
        assertThat(revocable.token()).isEqualTo(TOKEN);
        assertThat(revocable.apiBase()).isEqualTo(API);
        assertThat(revocable.requestToken()).isEqualTo(oauth1.requestToken());
    }

    @Test
    void a_revocation_url_is_required_when_given() {
        ProviderEndpoints endpoints = ProviderEndpoints.oauth2(AUTHORIZE, TOKEN, API);

        assertThatThrownBy(() -> endpoints.withRevocation(null)).isInstanceOf(NullPointerException.class);
    }
}
