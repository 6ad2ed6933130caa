package health.wearables.adapters.rest.out.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.wearables.adapters.rest.out.provider.data.HttpProviderData;
import health.wearables.application.port.out.LeaseUnavailable;
import health.wearables.application.port.out.ProviderData;
import health.wearables.application.port.out.SeenNotifications;
import health.wearables.domain.ProviderSlug;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderClientProducerTest {

    @Test
    void produces_the_provider_clients_from_the_configured_limits() {
        ProviderClientProducer producer =
                new ProviderClientProducer(Optional.of(1000L), Optional.of(4000L), Optional.of(16384));

        assertThat(producer.limits())
                .isEqualTo(new TokenEndpointLimits(Duration.ofSeconds(1), Duration.ofSeconds(4), 16384));
        assertThat(producer.tokenExchange()).isInstanceOf(HttpTokenExchange.class);
        assertThat(producer.tokenRefresh()).isInstanceOf(HttpTokenRefresh.class);
        assertThat(producer.authorizationUrls()).isInstanceOf(NimbusAuthorizationUrls.class);
    }

    @Test
    void produces_the_revocations_under_the_token_calls_limits() {
        assertThat(new ProviderClientProducer(Optional.of(1000L), Optional.of(4000L), Optional.of(16384)).revocations())
                .isInstanceOf(HttpRevocations.class);
    }

    @Test
    void a_limit_left_unconfigured_is_its_default() {
        assertThat(new ProviderClientProducer(Optional.empty(), Optional.empty(), Optional.empty()).limits())
                .isEqualTo(TokenEndpointLimits.DEFAULTS);
        assertThat(new ProviderClientProducer(Optional.empty(), Optional.of(4000L), Optional.empty()).limits())
                .isEqualTo(new TokenEndpointLimits(
                        TokenEndpointLimits.DEFAULTS.connectTimeout(),
                        Duration.ofSeconds(4),
                        TokenEndpointLimits.DEFAULTS.maxBodyBytes()));
        assertThat(new ProviderClientProducer(Optional.empty(), Optional.empty(), Optional.empty()).dataLimits())
                .isEqualTo(new TokenEndpointLimits(
                        TokenEndpointLimits.DEFAULTS.connectTimeout(),
                        Duration.ofMillis(ProviderClientProducer.DATA_DEADLINE_MS),
                        ProviderClientProducer.DATA_MAX_BODY_BYTES));
    }

    @Test
    void produces_the_data_clients_for_the_providers_it_reads() {
        ProviderData data =
                new ProviderClientProducer(Optional.empty(), Optional.empty(), Optional.empty()).providerData(Map.of());

        assertThat(data).isInstanceOf(HttpProviderData.class);
        assertThat(List.of("oura", "withings", "whoop", "dexcom", "dexcom-sandbox", "google-health", "demo"))
                .allSatisfy(slug ->
                        assertThat(data.reads(new ProviderSlug(slug))).as(slug).isTrue());
        assertThat(List.of("fitbit", "garmin", "polar", "strava", "acme"))
                .allSatisfy(slug ->
                        assertThat(data.reads(new ProviderSlug(slug))).as(slug).isFalse());
    }

    @Test
    void a_configured_provider_is_read_by_the_data_client_its_data_api_names() {
        ProviderData data = new ProviderClientProducer(Optional.empty(), Optional.empty(), Optional.empty())
                .providerData(Map.of("sandbox", "demo", "oura-eu", "oura"));

        assertThat(data.reads(new ProviderSlug("sandbox"))).isTrue();
        assertThat(data.reads(new ProviderSlug("oura-eu"))).isTrue();
        assertThat(data.reads(new ProviderSlug("othersandbox"))).isFalse();
    }

    @Test
    void a_data_api_that_names_no_data_client_stops_the_start_naming_the_clients() {
        ProviderClientProducer producer =
                new ProviderClientProducer(Optional.empty(), Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> producer.providerData(Map.of("sandbox", "fitbit")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wearables.providers.sandbox.data-api")
                .hasMessageContaining("demo, dexcom, dexcom-sandbox, google-health, oura, whoop, withings");
    }

    @Test
    void refuses_data_limits_that_are_not_positive() {
        assertThatThrownBy(() -> new ProviderClientProducer(
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(0L), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deadline");
        assertThatThrownBy(() -> new ProviderClientProducer(
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("body");
    }

    @Test
    void refuses_limits_that_are_not_positive() {
        assertThatThrownBy(() -> new ProviderClientProducer(Optional.of(0L), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connect timeout");
        assertThatThrownBy(() -> new ProviderClientProducer(Optional.empty(), Optional.of(-1L), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deadline");
        assertThatThrownBy(() -> new ProviderClientProducer(Optional.empty(), Optional.empty(), Optional.of(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("body");
    }

    @Test
    void the_defaults_are_what_the_readme_says_connect_3000_ms_deadline_10000_ms_and_65536_bytes() {
        assertThat(TokenEndpointLimits.DEFAULTS)
                .isEqualTo(new TokenEndpointLimits(Duration.ofSeconds(3), Duration.ofSeconds(10), 65536));
        assertThat(TokenEndpointLimits.CONNECT_TIMEOUT_MS).isEqualTo("wearables.http.connect-timeout-ms");
        assertThat(TokenEndpointLimits.DEADLINE_MS).isEqualTo("wearables.http.deadline-ms");
        assertThat(TokenEndpointLimits.MAX_BODY_BYTES).isEqualTo("wearables.http.max-body-bytes");
    }

    @Test
    void signed_notifications_are_refused_as_unreachable_until_a_replay_memory_is_provided() {
        SeenNotifications none = ProviderClientProducer.whenProvided(Optional::empty);
        java.util.List<String> forgotten = new java.util.ArrayList<>();
        SeenNotifications memory = new SeenNotifications() {
            @Override
            public boolean firstTime(String fingerprint, Duration keepFor) {
                return true;
            }

            @Override
            public void forget(String fingerprint) {
                forgotten.add(fingerprint);
            }
        };
        SeenNotifications provided = ProviderClientProducer.whenProvided(() -> Optional.of(memory));

        assertThatThrownBy(() -> none.firstTime("oura:x", Duration.ofMinutes(10)))
                .isInstanceOf(LeaseUnavailable.class);
        assertThatThrownBy(() -> none.forget("oura:x")).isInstanceOf(LeaseUnavailable.class);
        assertThat(provided.firstTime("oura:x", Duration.ofMinutes(10))).isTrue();
        provided.forget("oura:x");
        assertThat(forgotten).containsExactly("oura:x");
    }
}
