package health.wearables.application.port.in;

import health.wearables.domain.notify.InboundNotification;
import health.wearables.domain.notify.NotificationVerdict;
import java.util.Optional;

/**
 * A provider notifies the gateway ({@code /v1/wearables/{provider}/webhook}): once the provider's own verification
 * passes, a deauthorization ends the user's connections ({@code revoked}, reason {@code deauthorized}) and a data
 * notification queues a sync of them. A notice about a user the gateway does not know changes nothing. The answer is
 * the verdict to answer with; empty when the provider is unknown or sends no notifications ({@code 404}).
 */
@FunctionalInterface
public interface ReceiveNotification {

    Optional<NotificationVerdict> receive(String provider, InboundNotification notification);
}
