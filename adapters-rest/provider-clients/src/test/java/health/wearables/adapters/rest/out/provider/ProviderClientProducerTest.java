package health.wearables.adapters.rest.out.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProviderClientProducerTest {

    @Test
    void produces_the_provider_clients_from_the_configured_limits() {
        ProviderClientProducer producer = new ProviderClientProducer(3000, 10000, 65536);

        assertThat(producer.tokenExchange()).isInstanceOf(HttpTokenExchange.class);
        assertThat(producer.authorizationUrls()).isInstanceOf(NimbusAuthorizationUrls.class);
    }

    @Test
    void refuses_limits_that_are_not_positive() {
        assertThatThrownBy(() -> new ProviderClientProducer(0, 10000, 65536))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connect timeout");
        assertThatThrownBy(() -> new ProviderClientProducer(3000, -1, 65536))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deadline");
        assertThatThrownBy(() -> new ProviderClientProducer(3000, 10000, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("body");
    }

    @Test
    void defaults_are_connect_3_s_deadline_10_s_and_64_kib() {
        assertThat(TokenEndpointLimits.DEFAULTS).isEqualTo(new TokenEndpointLimits(
                java.time.Duration.ofMillis(3000), java.time.Duration.ofMillis(10000), 65536));
    }
}
