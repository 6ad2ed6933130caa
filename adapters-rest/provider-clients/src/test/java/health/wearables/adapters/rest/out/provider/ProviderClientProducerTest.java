package health.wearables.adapters.rest.out.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.wearables.adapters.rest.out.provider.data.HttpProviderData;
import health.wearables.application.port.out.ProviderData;
import health.wearables.domain.ProviderSlug;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderClientProducerTest {

    @Test
    void produces_the_provider_clients_from_the_configured_limits() {
        ProviderClientProducer producer = new ProviderClientProducer(3000, 10000, 65536);

        assertThat(producer.tokenExchange()).isInstanceOf(HttpTokenExchange.class);
        assertThat(producer.authorizationUrls()).isInstanceOf(NimbusAuthorizationUrls.class);
    }

    @Test
    void produces_the_data_clients_for_the_providers_it_reads() {
        ProviderData data = new ProviderClientProducer(3000, 10000, 65536, 30000, 16 * 1024 * 1024).providerData();

        assertThat(data).isInstanceOf(HttpProviderData.class);
        assertThat(List.of("oura", "withings", "whoop", "dexcom", "dexcom-sandbox", "google-health", "demo"))
                .allSatisfy(slug -> assertThat(data.reads(new ProviderSlug(slug))).as(slug).isTrue());
        assertThat(List.of("fitbit", "garmin", "polar", "strava", "acme"))
                .allSatisfy(slug -> assertThat(data.reads(new ProviderSlug(slug))).as(slug).isFalse());
    }

    @Test
    void refuses_data_limits_that_are_not_positive() {
        assertThatThrownBy(() -> new ProviderClientProducer(3000, 10000, 65536, 0, 1024))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deadline");
        assertThatThrownBy(() -> new ProviderClientProducer(3000, 10000, 65536, 30000, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("body");
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
