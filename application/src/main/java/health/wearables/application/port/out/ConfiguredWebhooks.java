package health.wearables.application.port.out;

import health.wearables.domain.ProviderSlug;
import health.wearables.domain.notify.WebhookSettings;

/**
 * Each provider's configured webhook settings ({@code wearables.providers.<slug>.webhook-secret} and
 * {@code webhook-verify-token}).
 */
@FunctionalInterface
public interface ConfiguredWebhooks {

    /** The provider's settings; {@link WebhookSettings#NONE} when none are configured. */
    WebhookSettings find(ProviderSlug slug);
}
