package health.wearables.adapters.rest.app.config;

import health.wearables.application.port.out.ConfiguredWebhooks;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.VerifyToken;
import health.wearables.domain.WebhookSecret;
import health.wearables.domain.notify.WebhookSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each listed provider's webhook settings (API.md): {@code wearables.providers.<slug>.webhook-secret} (the key the
 * provider signs with when it is not our client secret, e.g. Polar's {@code signature_secret_key}) and
 * {@code wearables.providers.<slug>.webhook-verify-token} (the token of the subscription challenge and, for providers
 * that do not sign, of the callback URL). Both are optional; a notification that needs one that is missing is refused.
 * A verify token outside its syntax (visible ASCII, at most 512 characters) stops the start, naming the key only.
 */
final class MicroProfileConfiguredWebhooks implements ConfiguredWebhooks {
    private final Map<ProviderSlug, WebhookSettings> settings;

    MicroProfileConfiguredWebhooks(Map<ProviderSlug, WebhookSettings> settings) {
        this.settings = Map.copyOf(settings);
    }

    static MicroProfileConfiguredWebhooks read(ConfigKeys config) {
        Map<ProviderSlug, WebhookSettings> settings = new LinkedHashMap<>();
        for (String slug : config.list("wearables.providers")) {
            ProviderSlug.parse(slug).ifPresent(provider -> {
                String prefix = "wearables.providers." + slug + ".";
                settings.put(
                        provider,
                        new WebhookSettings(
                                config.value(prefix + "webhook-secret").map(WebhookSecret::new),
                                config.value(prefix + "webhook-verify-token")
                                        .map(token -> verifyToken(prefix + "webhook-verify-token", token))));
            });
        }
        return new MicroProfileConfiguredWebhooks(settings);
    }

    private static VerifyToken verifyToken(String key, String value) {
        try {
            return new VerifyToken(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(key + " must be visible ASCII of at most 512 characters", null);
        }
    }

    @Override
    public WebhookSettings find(ProviderSlug slug) {
        return settings.getOrDefault(slug, WebhookSettings.NONE);
    }
}
