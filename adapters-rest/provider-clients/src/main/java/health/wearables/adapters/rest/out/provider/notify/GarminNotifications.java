package health.wearables.adapters.rest.out.provider.notify;

import health.wearables.domain.notify.InboundNotification;
import health.wearables.domain.notify.Notice;
import health.wearables.domain.notify.NotificationVerdict;
import health.wearables.domain.notify.NotificationVerdict.Accepted;
import health.wearables.domain.notify.NotificationVerdict.Rejected;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.minidev.json.JSONObject;

/**
 * Garmin Health API notifications (push and ping), for {@code garmin} and {@code garmin-legacy} alike.
 *
 * <p>From Garmin's Health API documentation and the integrations that follow it: a {@code POST} of a JSON object
 * whose members are summary types, each an array of objects naming the Garmin {@code userId} (and, for consumer keys
 * of the OAuth 1.0a era, the {@code userAccessToken}, which is a credential and is never read here).
 * {@code deregistrations} are users who removed our app: deauthorizations. {@code userPermissionsChange} carries the
 * user's remaining {@code permissions}: none left is a deauthorization, some left changes nothing here. Every other
 * array ({@code dailies}, {@code activities}, {@code sleeps}, …, pushed in full or pinged with a callback URL) is data
 * of its users. Both slugs record the Garmin user id ({@code GET /wellness-api/rest/user/id}) as the provider user id.
 *
 * <p>Garmin does not sign its notifications. Decided here, as for Strava: the endpoint URL configured in Garmin's
 * developer portal carries the verify token ({@code …/webhook?verify_token=<token>}); a request without it is refused.
 * Push bodies carry whole summaries, so Garmin's bodies may be up to {@link #MAX_BODY_BYTES} (assumed: Garmin
 * documents no bound; ping mode keeps them small).
 */
final class GarminNotifications implements NotificationReader {
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    static final String DEREGISTRATIONS = "deregistrations";
    static final String PERMISSIONS_CHANGE = "userPermissionsChange";

    @Override
    public int maxBodyBytes() {
        return MAX_BODY_BYTES;
    }

    @Override
    public NotificationVerdict read(InboundNotification notification, NotificationKeys keys) {
        if (!notification.method().equals("POST")) {
            return new Rejected("Garmin sends POST only");
        }
        return VerifyTokens.refusedWithoutCallbackToken(notification, keys)
                .orElseGet(() -> new Accepted(Bodies.object(notification.body())
                        .map(GarminNotifications::notices)
                        .orElse(List.of())));
    }

    private static List<Notice> notices(JSONObject body) {
        Set<Notice> notices = new LinkedHashSet<>();
        for (Map.Entry<String, Object> member : body.entrySet()) {
            if (!(member.getValue() instanceof List<?> entries)) {
                continue;
            }
            for (Object entry : entries) {
                if (entry instanceof JSONObject item) {
                    notice(member.getKey(), item).ifPresent(notices::add);
                }
            }
        }
        return List.copyOf(notices);
    }

    private static Optional<Notice> notice(String type, JSONObject item) {
        Optional<String> user = Bodies.userId(item, "userId");
        if (user.isEmpty()) {
            return Optional.empty();
        }
        return switch (type) {
            case DEREGISTRATIONS -> Optional.of(new Notice.Deauthorized(user.get()));
            case PERMISSIONS_CHANGE ->
                item.get("permissions") instanceof List<?> permissions && permissions.isEmpty()
                        ? Optional.of(new Notice.Deauthorized(user.get()))
                        : Optional.empty();
            default -> Optional.of(new Notice.DataAvailable(user.get()));
        };
    }
}
