package health.wearables.application.port.out;

import health.wearables.domain.ProviderSlug;
import health.wearables.domain.notify.InboundNotification;
import health.wearables.domain.notify.NotificationVerdict;
import java.util.Optional;

/**
 * Each provider's own verification and reading of the notifications it sends ({@code
 * /v1/wearables/{provider}/webhook}): its signature or verify token with the configured {@code webhook-secret} /
 * {@code webhook-verify-token}, its timestamp window, its subscription challenge, its payload.
 */
public interface ProviderNotifications {

    /** The verdict on a notification of this provider; empty when the provider sends no notifications the gateway reads. */
    Optional<NotificationVerdict> read(ProviderSlug provider, InboundNotification notification);
}
