package health.wearables.adapters.rest.out.provider.notify;

import health.wearables.domain.ClientSecret;
import health.wearables.domain.notify.InboundNotification;
import health.wearables.domain.notify.Notice;
import health.wearables.domain.notify.NotificationVerdict;
import health.wearables.domain.notify.NotificationVerdict.Accepted;
import health.wearables.domain.notify.NotificationVerdict.Rejected;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * WHOOP webhooks (v2).
 *
 * <p>From WHOOP's documentation (Webhooks): a {@code POST} to the app's webhook URL, {@code X-WHOOP-Signature} =
 * base64(HMAC-SHA256 of the {@code X-WHOOP-Signature-Timestamp} header's text followed by the raw body, keyed with
 * our client secret), the timestamp in milliseconds since the epoch; the body is
 * {@code {"user_id":…,"id":…,"type":…,"trace_id":…}} with the types {@link #DATA_TYPES}, each data of {@code user_id}
 * (a deletion is revised data too). WHOOP documents no deauthorization webhook and no subscription challenge: the
 * webhook URL is set in the developer dashboard. Any other type is acknowledged with no notices.
 */
final class WhoopNotifications implements NotificationReader {
    static final String SIGNATURE = "x-whoop-signature";
    static final String TIMESTAMP = "x-whoop-signature-timestamp";
    static final Set<String> DATA_TYPES = Set.of(
            "workout.updated",
            "workout.deleted",
            "sleep.updated",
            "sleep.deleted",
            "recovery.updated",
            "recovery.deleted");

    private final Replays replays;

    WhoopNotifications(Replays replays) {
        this.replays = replays;
    }

    @Override
    public NotificationVerdict read(InboundNotification notification, NotificationKeys keys) {
        if (!notification.method().equals("POST")) {
            return new Rejected("WHOOP sends POST only");
        }
        Optional<ClientSecret> secret = keys.clientSecret();
        Optional<String> signature = notification.header(SIGNATURE);
        Optional<String> timestamp = notification.header(TIMESTAMP);
        if (secret.isEmpty()) {
            return new Rejected("no client secret to verify WHOOP's signature with");
        }
        if (signature.isEmpty() || timestamp.isEmpty()) {
            return new Rejected("WHOOP notification without its signature or timestamp header");
        }
        Optional<Instant> signedAt = Timestamps.millis(timestamp.get());
        if (signedAt.isEmpty()) {
            return new Rejected("WHOOP timestamp is not milliseconds since the epoch");
        }
        if (!Replays.fresh(signedAt.get(), notification.receivedAt())) {
            return new Rejected("WHOOP timestamp is more than 5 minutes away from the arrival");
        }
        byte[] body = notification.body();
        byte[] expected =
                Signatures.hmac(Signatures.SHA256, secret.get().value(), Signatures.utf8(timestamp.get()), body);
        Optional<byte[]> received = Signatures.fromBase64(signature.get());
        if (received.isEmpty() || !Signatures.same(expected, received.get())) {
            return new Rejected("WHOOP signature does not match");
        }
        return replays.once("whoop", expected, Replays.WITH_TIMESTAMP, () -> notices(body));
    }

    private static NotificationVerdict notices(byte[] body) {
        return new Accepted(Bodies.object(body)
                .filter(json ->
                        Bodies.string(json, "type").filter(DATA_TYPES::contains).isPresent())
                .flatMap(json -> Bodies.userId(json, "user_id"))
                .<List<Notice>>map(user -> List.of(new Notice.DataAvailable(user)))
                .orElse(List.of()));
    }
}
