package health.wearables.adapters.rest.out.provider.notify;

import health.wearables.domain.notify.InboundNotification;
import health.wearables.domain.notify.Notice;
import health.wearables.domain.notify.NotificationVerdict;
import health.wearables.domain.notify.NotificationVerdict.Accepted;
import health.wearables.domain.notify.NotificationVerdict.Challenged;
import health.wearables.domain.notify.NotificationVerdict.Rejected;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Withings data update notifications.
 *
 * <p>From Withings' documentation (Notifications): a subscription ({@code /notify}, {@code action=subscribe}) names a
 * callback URL and an {@code appli}; Withings first checks the URL answers ({@code HEAD}, answered {@code 200}), then
 * {@code POST}s {@code application/x-www-form-urlencoded} bodies with {@code userid}, {@code appli}, and
 * {@code startdate}/{@code enddate} or {@code date}. {@code appli=46} is a change of the user's profile with
 * {@code action} = {@code unlink} (the user unlinked our app) or {@code delete} (the account is gone), both a
 * deauthorization here, or {@code update}, which changes nothing. The data applis {@link #DATA_APPLIS} (weight,
 * temperature, blood pressure and heart rate, activity, sleep; ECG and glucose as integrations read them) are data of
 * {@code userid}; any other (bed in/out, inflate done, …) is acknowledged with no notices.
 *
 * <p>Withings does not sign its notifications. Decided here, as for Strava: the callback URL the gateway subscribes
 * carries the verify token ({@code …/webhook?verify_token=<token>}); a request without it, the URL check included,
 * is refused.
 */
final class WithingsNotifications implements NotificationReader {
    static final String PROFILE_CHANGE = "46";
    static final Set<String> DATA_APPLIS = Set.of("1", "2", "4", "16", "44", "54", "58");
    static final Set<String> ENDING_ACTIONS = Set.of("unlink", "delete");

    @Override
    public NotificationVerdict read(InboundNotification notification, NotificationKeys keys) {
        Optional<NotificationVerdict> refused = VerifyTokens.refusedWithoutCallbackToken(notification, keys);
        if (refused.isPresent()) {
            return refused.get();
        }
        return switch (notification.method()) {
            case "HEAD", "GET" -> new Challenged("text/plain", "");
            case "POST" -> notices(Bodies.form(notification.body()));
            default -> new Rejected("Withings sends HEAD, GET and POST only");
        };
    }

    private static NotificationVerdict notices(Map<String, List<String>> form) {
        Optional<String> user = Bodies.single(form, "userid").flatMap(Bodies::userId);
        Optional<String> appli = Bodies.single(form, "appli");
        if (user.isEmpty() || appli.isEmpty()) {
            return new Accepted(List.of());
        }
        if (appli.get().equals(PROFILE_CHANGE)) {
            return new Accepted(Bodies.single(form, "action")
                    .filter(ENDING_ACTIONS::contains)
                    .<List<Notice>>map(action -> List.of(new Notice.Deauthorized(user.get())))
                    .orElse(List.of()));
        }
        return new Accepted(
                DATA_APPLIS.contains(appli.get()) ? List.of(new Notice.DataAvailable(user.get())) : List.of());
    }
}
