package health.wearables.adapters.rest.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.wearables.domain.ProviderSlug;
import health.wearables.domain.notify.WebhookSettings;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MicroProfileConfiguredWebhooksTest {

    private static MicroProfileConfiguredWebhooks read(Map<String, String> values) {
        return MicroProfileConfiguredWebhooks.read(new ConfigKeys(key -> Optional.ofNullable(values.get(key))));
    }

    @Test
    void a_listed_provider_has_its_webhook_secret_and_verify_token() {
        var webhooks = read(Map.of(
                "wearables.providers", "polar, strava",
                "wearables.providers.polar.webhook-secret", "polar-signature-secret-key",
                "wearables.providers.strava.webhook-verify-token", "strava-verify-token"));

        WebhookSettings polar = webhooks.find(new ProviderSlug("polar"));
        WebhookSettings strava = webhooks.find(new ProviderSlug("strava"));

        assertThat(polar.webhookSecret())
                .hasValueSatisfying(secret -> assertThat(secret.value()).isEqualTo("polar-signature-secret-key"));
        assertThat(polar.verifyToken()).isEmpty();
        assertThat(strava.webhookSecret()).isEmpty();
        assertThat(strava.verifyToken())
                .hasValueSatisfying(token -> assertThat(token.value()).isEqualTo("strava-verify-token"));
    }

    @Test
    void an_unlisted_provider_or_blank_values_have_none() {
        var webhooks = read(Map.of(
                "wearables.providers", "oura",
                "wearables.providers.oura.webhook-verify-token", "  ",
                "wearables.providers.whoop.webhook-secret", "not listed"));

        assertThat(webhooks.find(new ProviderSlug("oura"))).isEqualTo(WebhookSettings.NONE);
        assertThat(webhooks.find(new ProviderSlug("whoop"))).isEqualTo(WebhookSettings.NONE);
    }

    @Test
    void a_verify_token_outside_its_syntax_stops_the_start_naming_the_key_not_the_value() {
        assertThatThrownBy(() -> read(Map.of(
                        "wearables.providers", "strava",
                        "wearables.providers.strava.webhook-verify-token", "has a space")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wearables.providers.strava.webhook-verify-token")
                .hasMessageNotContaining("has a space");
    }
}
