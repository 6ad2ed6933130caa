package health.wearables.adapters.rest.out.provider.notify;

import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.application.port.out.ConfiguredWebhooks;
import health.wearables.application.port.out.ProviderNotifications;
import health.wearables.application.port.out.SeenNotifications;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.notify.InboundNotification;
import health.wearables.domain.notify.NotificationVerdict;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The providers' notifications, each verified and read the way its provider documents (see each reader). A provider
 * without a reader here (Dexcom, Suunto, Google Health, generic providers) sends nothing the gateway reads, and
 * neither does a provider that is not configured: both answer empty ({@code 404}). A body larger than the provider's
 * bound is refused before anything of it is read.
 *
 * <p>The time a signed timestamp is checked against is the notification's {@code receivedAt}, set where it arrived;
 * the replay memory is shared by all instances ({@link SeenNotifications}) and its failure is not caught here.
 */
public final class DocumentedNotifications implements ProviderNotifications {
    private final ConfiguredProviders providers;
    private final ConfiguredWebhooks webhooks;
    private final Map<String, NotificationReader> readers;

    public DocumentedNotifications(ConfiguredProviders providers, ConfiguredWebhooks webhooks, SeenNotifications seen) {
        this.providers = Objects.requireNonNull(providers, "configured providers");
        this.webhooks = Objects.requireNonNull(webhooks, "configured webhooks");
        Replays replays = new Replays(seen);
        GarminNotifications garmin = new GarminNotifications();
        this.readers = Map.of(
                "oura", new OuraNotifications(replays),
                "whoop", new WhoopNotifications(replays),
                "polar", new PolarNotifications(replays),
                "strava", new StravaNotifications(),
                "withings", new WithingsNotifications(),
                "garmin", garmin,
                "garmin-legacy", garmin,
                "fitbit", new FitbitNotifications(replays));
    }

    @Override
    public Optional<NotificationVerdict> read(ProviderSlug provider, InboundNotification notification) {
        NotificationReader reader = readers.get(provider.value());
        Optional<ConfiguredProvider> configured = providers.find(provider);
        if (reader == null || configured.isEmpty()) {
            return Optional.empty();
        }
        if (notification.body().length > reader.maxBodyBytes()) {
            return Optional.of(new NotificationVerdict.Rejected(
                    "body larger than the " + reader.maxBodyBytes() + " bytes read for " + provider));
        }
        NotificationKeys keys = NotificationKeys.of(
                webhooks.find(provider), Optional.of(configured.get().client().secret()));
        return Optional.of(reader.read(notification, keys));
    }
}
