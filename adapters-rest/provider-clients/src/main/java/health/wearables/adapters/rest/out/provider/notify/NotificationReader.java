package health.wearables.adapters.rest.out.provider.notify;

import health.wearables.domain.notify.InboundNotification;
import health.wearables.domain.notify.NotificationVerdict;

/** One provider's documented verification and reading of its notifications. */
interface NotificationReader {
    /** Bodies up to this size are read; a notification with a larger body is refused before anything else. */
    int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    NotificationVerdict read(InboundNotification notification, NotificationKeys keys);

    /** The largest body this provider documents or needs; {@link #DEFAULT_MAX_BODY_BYTES} unless it says otherwise. */
    default int maxBodyBytes() {
        return DEFAULT_MAX_BODY_BYTES;
    }
}
