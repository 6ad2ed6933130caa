package health.wearables.adapters.rest.out.provider.notify;

import health.wearables.adapters.rest.out.provider.DocumentedBuiltInProviders;
import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.domain.ClientSecret;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.VerifyToken;
import health.wearables.domain.WebhookSecret;
import health.wearables.domain.notify.InboundNotification;
import health.wearables.domain.notify.NotificationVerdict;
import health.wearables.domain.notify.WebhookSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The readers as the gateway has them ({@link DocumentedNotifications}), with every built-in provider configured with
 * {@link #CLIENT_SECRET}, and the webhook settings {@link #WEBHOOK_SECRET} / {@link #VERIFY_TOKEN} unless a test says
 * otherwise; notifications arrive at {@link #NOW}.
 */
final class Readers {
    static final Instant NOW = Instant.parse("2026-01-14T09:30:00Z");
    static final String CLIENT_SECRET = "client-secret-DO-NOT-LOG-4b1e";
    static final String WEBHOOK_SECRET = "webhook-secret-DO-NOT-LOG-93ad";
    static final String VERIFY_TOKEN = "verify-token-DO-NOT-LOG-77c2";
    static final WebhookSettings CONFIGURED = new WebhookSettings(
            Optional.of(new WebhookSecret(WEBHOOK_SECRET)), Optional.of(new VerifyToken(VERIFY_TOKEN)));

    final RememberedNotifications seen = new RememberedNotifications();
    private final DocumentedNotifications notifications;

    Readers() {
        this(CONFIGURED);
    }

    Readers(WebhookSettings settings) {
        this.notifications = new DocumentedNotifications(builtIns(), slug -> settings, seen);
    }

    /** The verdict on {@code notification} arriving at {@link #NOW} for {@code slug}. */
    NotificationVerdict read(String slug, PreparedNotification notification) {
        return read(slug, notification.inbound(NOW));
    }

    NotificationVerdict read(String slug, InboundNotification notification) {
        return withoutFingerprint(readIfServed(slug, notification).orElseThrow());
    }

    /**
     * An acceptance as the tests compare it: its notices. The fingerprint it names is the one the replay memory took
     * (checked here), or none where the provider signs nothing.
     */
    private NotificationVerdict withoutFingerprint(NotificationVerdict verdict) {
        if (verdict instanceof NotificationVerdict.Accepted accepted) {
            accepted.fingerprint().ifPresent(fingerprint -> {
                if (!seen.fingerprints().contains(fingerprint)) {
                    throw new AssertionError("an acceptance names a fingerprint the replay memory never took");
                }
            });
            return new NotificationVerdict.Accepted(accepted.notices());
        }
        return verdict;
    }

    Optional<NotificationVerdict> readIfServed(String slug, InboundNotification notification) {
        return notifications.read(new ProviderSlug(slug), notification);
    }

    private static ConfiguredProviders builtIns() {
        Map<String, DocumentedBuiltInProviders.BuiltIn> all =
                DocumentedBuiltInProviders.standard().bySlug();
        return new ConfiguredProviders() {
            @Override
            public Optional<ConfiguredProvider> find(ProviderSlug slug) {
                return Optional.ofNullable(all.get(slug.value()))
                        .map(builtIn ->
                                builtIn.defaults().configured("gateway-client", new ClientSecret(CLIENT_SECRET)));
            }

            @Override
            public List<ConfiguredProvider> all() {
                return List.of();
            }
        };
    }
}
