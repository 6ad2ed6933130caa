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

/**
 * Oura API v2 webhooks.
 *
 * <p>From Oura's documentation (Webhook Subscription Routes) and the integrations that follow it: the subscription
 * verification is a {@code GET} with {@code verification_token} and {@code challenge} query parameters, answered
 * {@code {"challenge": "<challenge>"}} (here only when the token is the configured {@code webhook-verify-token}); an
 * event is a {@code POST} with {@code x-oura-signature} = upper-case hex HMAC-SHA256, keyed with our client secret,
 * over the {@code x-oura-timestamp} header's text followed by the raw body. The body is
 * {@code {"event_type":"create|update|delete","data_type":…,"object_id":…,"event_time":…,"user_id":…}}; every event
 * type is data of {@code user_id} (a delete is revised data too). Oura documents no deauthorization webhook.
 *
 * <p>Assumed: the timestamp is seconds since the epoch (what the integrations we read send and test with); an ISO 8601
 * date-time is read too, in case. The hex is compared whatever its case.
 */
final class OuraNotifications implements NotificationReader {
    static final String SIGNATURE = "x-oura-signature";
    static final String TIMESTAMP = "x-oura-timestamp";

    private final Replays replays;

    OuraNotifications(Replays replays) {
        this.replays = replays;
    }

    @Override
    public NotificationVerdict read(InboundNotification notification, NotificationKeys keys) {
        return switch (notification.method()) {
            case "GET" -> challenge(notification, keys);
            case "POST" -> event(notification, keys);
            default -> new Rejected("Oura sends GET and POST only");
        };
    }

    private static NotificationVerdict challenge(InboundNotification notification, NotificationKeys keys) {
        if (!VerifyTokens.matches(keys.verifyToken(), notification.queryParameter("verification_token"))) {
            return new Rejected("Oura subscription challenge with a missing or wrong verification_token");
        }
        return VerifyTokens.echo("challenge", notification.queryParameter("challenge"));
    }

    private NotificationVerdict event(InboundNotification notification, NotificationKeys keys) {
        Optional<ClientSecret> secret = keys.clientSecret();
        Optional<String> signature = notification.header(SIGNATURE);
        Optional<String> timestamp = notification.header(TIMESTAMP);
        if (secret.isEmpty()) {
            return new Rejected("no client secret to verify Oura's signature with");
        }
        if (signature.isEmpty() || timestamp.isEmpty()) {
            return new Rejected("Oura notification without its signature or timestamp header");
        }
        Optional<Instant> signedAt = Timestamps.secondsOrIso(timestamp.get());
        if (signedAt.isEmpty()) {
            return new Rejected("Oura timestamp is not a time");
        }
        if (!Replays.fresh(signedAt.get(), notification.receivedAt())) {
            return new Rejected("Oura timestamp is more than 5 minutes away from the arrival");
        }
        byte[] body = notification.body();
        byte[] expected =
                Signatures.hmac(Signatures.SHA256, secret.get().value(), Signatures.utf8(timestamp.get()), body);
        Optional<byte[]> received = Signatures.fromHex(signature.get());
        if (received.isEmpty() || !Signatures.same(expected, received.get())) {
            return new Rejected("Oura signature does not match");
        }
        return replays.once("oura", expected, Replays.WITH_TIMESTAMP, () -> notices(body));
    }

    private static NotificationVerdict notices(byte[] body) {
        return new Accepted(Bodies.object(body)
                .filter(json -> Bodies.string(json, "data_type").isPresent())
                .flatMap(json -> Bodies.userId(json, "user_id"))
                .<List<Notice>>map(user -> List.of(new Notice.DataAvailable(user)))
                .orElse(List.of()));
    }
}
