package health.wearables.adapters.rest.out.provider.notify;

import health.wearables.domain.notify.InboundNotification;
import health.wearables.domain.notify.Notice;
import health.wearables.domain.notify.NotificationVerdict;
import health.wearables.domain.notify.NotificationVerdict.Accepted;
import health.wearables.domain.notify.NotificationVerdict.Rejected;
import java.util.Optional;
import net.minidev.json.JSONObject;

/**
 * Strava webhook events.
 *
 * <p>From Strava's documentation (Webhook Events API): creating the subscription makes Strava send a {@code GET} with
 * {@code hub.mode=subscribe}, {@code hub.verify_token} and {@code hub.challenge}, answered {@code 200} with
 * {@code {"hub.challenge": "<challenge>"}} (here only when {@code hub.verify_token} is the configured
 * {@code webhook-verify-token}). Events are {@code POST}s of {@code {"object_type":"activity|athlete","object_id":…,
 * "aspect_type":"create|update|delete","updates":{…},"owner_id":…,"subscription_id":…,"event_time":…}}. An athlete
 * {@code update} whose {@code updates} hold {@code "authorized":"false"} is the athlete deauthorizing our app; any
 * activity event is data of {@code owner_id} (the athlete id the token exchange records); anything else is
 * acknowledged with no notices.
 *
 * <p>Strava does not sign its events. Decided here: the gateway registers its callback URL with the verify token in
 * it ({@code …/webhook?verify_token=<token>}), and an event without that token is refused. The token then protects
 * the endpoint as much as the URL's secrecy does (TLS keeps it off the wire); a replay cannot be told from Strava's own
 * retries, and asks for nothing the athlete could not ask for.
 */
final class StravaNotifications implements NotificationReader {

    @Override
    public NotificationVerdict read(InboundNotification notification, NotificationKeys keys) {
        return switch (notification.method()) {
            case "GET" -> challenge(notification, keys);
            case "POST" ->
                VerifyTokens.refusedWithoutCallbackToken(notification, keys)
                        .orElseGet(() -> notices(notification.body()));
            default -> new Rejected("Strava sends GET and POST only");
        };
    }

    private static NotificationVerdict challenge(InboundNotification notification, NotificationKeys keys) {
        if (!notification.queryParameter("hub.mode").filter("subscribe"::equals).isPresent()) {
            return new Rejected("Strava challenge without hub.mode=subscribe");
        }
        if (!VerifyTokens.matches(keys.verifyToken(), notification.queryParameter("hub.verify_token"))) {
            return new Rejected("Strava subscription challenge with a missing or wrong hub.verify_token");
        }
        return VerifyTokens.echo("hub.challenge", notification.queryParameter("hub.challenge"));
    }

    private static NotificationVerdict notices(byte[] body) {
        return new Accepted(Bodies.object(body).flatMap(StravaNotifications::notice).stream()
                .toList());
    }

    private static Optional<Notice> notice(JSONObject event) {
        Optional<String> owner = Bodies.userId(event, "owner_id");
        Optional<String> object = Bodies.string(event, "object_type");
        Optional<String> aspect = Bodies.string(event, "aspect_type");
        if (owner.isEmpty() || object.isEmpty() || aspect.isEmpty()) {
            return Optional.empty();
        }
        if (object.get().equals("activity")) {
            return Optional.of(new Notice.DataAvailable(owner.get()));
        }
        if (object.get().equals("athlete") && aspect.get().equals("update") && deauthorizes(event)) {
            return Optional.of(new Notice.Deauthorized(owner.get()));
        }
        return Optional.empty();
    }

    /** {@code "updates": {"authorized": "false"}}; Strava documents the string, a boolean is read the same. */
    private static boolean deauthorizes(JSONObject event) {
        return event.get("updates") instanceof JSONObject updates
                && ("false".equals(updates.get("authorized")) || Boolean.FALSE.equals(updates.get("authorized")));
    }
}
