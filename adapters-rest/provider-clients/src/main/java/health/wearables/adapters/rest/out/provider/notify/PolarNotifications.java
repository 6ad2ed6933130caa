package health.wearables.adapters.rest.out.provider.notify;

import health.wearables.domain.WebhookSecret;
import health.wearables.domain.notify.InboundNotification;
import health.wearables.domain.notify.Notice;
import health.wearables.domain.notify.NotificationVerdict;
import health.wearables.domain.notify.NotificationVerdict.Accepted;
import health.wearables.domain.notify.NotificationVerdict.Rejected;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Polar AccessLink webhooks.
 *
 * <p>From Polar's AccessLink documentation: one webhook per client, created with {@code POST /v3/webhooks}, whose
 * answer holds the {@code signature_secret_key} (shown that once: it is {@code webhook-secret}). Every delivery is a
 * {@code POST} of {@code {"event":…,"user_id":…,"entity_id":…,"timestamp":…,"url":…}} with
 * {@code Polar-Webhook-Signature} = hex HMAC-SHA256 of the raw body keyed with that key. Creating the webhook sends a
 * {@code PING} event that must be answered {@code 200}, or the webhook is not created. The events {@link #DATA_EVENTS}
 * are data of {@code user_id}; any other is acknowledged with no notices. Polar documents no deauthorization webhook.
 *
 * <p>Decided here: the {@code PING} of the creation arrives before its answer has given us the key, so while no
 * {@code webhook-secret} is configured a {@code PING} is acknowledged unverified; it asks for nothing. Once the key is
 * configured every event, {@code PING} included, must be signed with it. Polar signs no timestamp, so a signature is
 * remembered for {@link Replays#WITHOUT_TIMESTAMP}.
 */
final class PolarNotifications implements NotificationReader {
    static final String SIGNATURE = "polar-webhook-signature";
    static final Set<String> DATA_EVENTS = Set.of(
            "EXERCISE",
            "SLEEP",
            "CONTINUOUS_HEART_RATE",
            "SLEEP_WISE_CIRCADIAN_BEDTIME",
            "SLEEP_WISE_ALERTNESS",
            "ACTIVITY_SUMMARY",
            "PHYSICAL_INFORMATION");

    private final Replays replays;

    PolarNotifications(Replays replays) {
        this.replays = replays;
    }

    @Override
    public NotificationVerdict read(InboundNotification notification, NotificationKeys keys) {
        if (!notification.method().equals("POST")) {
            return new Rejected("Polar sends POST only");
        }
        byte[] body = notification.body();
        Optional<WebhookSecret> secret = keys.webhookSecret();
        if (secret.isEmpty()) {
            return isPing(body)
                    ? new Accepted(List.of())
                    : new Rejected("no webhook-secret (Polar's signature_secret_key) is configured");
        }
        Optional<String> signature = notification.header(SIGNATURE);
        if (signature.isEmpty()) {
            return new Rejected("Polar notification without its signature header");
        }
        byte[] expected = Signatures.hmac(Signatures.SHA256, secret.get().value(), body);
        Optional<byte[]> received = Signatures.fromHex(signature.get());
        if (received.isEmpty() || !Signatures.same(expected, received.get())) {
            return new Rejected("Polar signature does not match");
        }
        return replays.once("polar", expected, Replays.WITHOUT_TIMESTAMP, () -> notices(body));
    }

    private static boolean isPing(byte[] body) {
        return Bodies.object(body)
                .flatMap(json -> Bodies.string(json, "event"))
                .filter("PING"::equals)
                .isPresent();
    }

    private static NotificationVerdict notices(byte[] body) {
        return new Accepted(Bodies.object(body)
                .filter(json -> Bodies.string(json, "event")
                        .filter(DATA_EVENTS::contains)
                        .isPresent())
                .flatMap(json -> Bodies.userId(json, "user_id"))
                .<List<Notice>>map(user -> List.of(new Notice.DataAvailable(user)))
                .orElse(List.of()));
    }
}
