package health.wearables.adapters.rest.out.provider.notify;

import health.wearables.domain.ClientSecret;
import health.wearables.domain.notify.InboundNotification;
import health.wearables.domain.notify.Notice;
import health.wearables.domain.notify.NotificationVerdict;
import health.wearables.domain.notify.NotificationVerdict.Accepted;
import health.wearables.domain.notify.NotificationVerdict.Challenged;
import health.wearables.domain.notify.NotificationVerdict.Rejected;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.minidev.json.JSONObject;

/**
 * Fitbit Web API subscriptions (the legacy {@code fitbit} provider).
 *
 * <p>From Fitbit's documentation (Subscriptions API): the subscriber is verified with {@code GET ?verify=<code>},
 * which must succeed for the configured verification code ({@code webhook-verify-token}) and fail for any other;
 * notifications are {@code POST}s of a JSON array of {@code {"collectionType":…,"date":…,"ownerId":…,"ownerType":
 * "user","subscriptionId":…}} with {@code X-Fitbit-Signature} = base64(HMAC-SHA1 of the raw body keyed with our
 * client secret followed by {@code &}). {@code userRevokedAccess} is a deauthorization of {@code ownerId} (the
 * {@code user_id} of the token exchange); {@code activities}, {@code body}, {@code foods} and {@code sleep} are data.
 *
 * <p>Assumed: {@code deleteUser} (the account is gone) is a deauthorization too. Fitbit expects {@code 204} for the
 * right code and {@code 404} for a wrong one; the verdicts here are a challenge with an empty body and a refusal, and
 * the HTTP layer answers them as the contract says ({@code 200}/{@code 401}). Fitbit signs no timestamp, so a signature
 * is remembered for {@link Replays#WITHOUT_TIMESTAMP}.
 */
final class FitbitNotifications implements NotificationReader {
    static final String SIGNATURE = "x-fitbit-signature";
    static final Set<String> DATA_COLLECTIONS = Set.of("activities", "body", "foods", "sleep");
    static final Set<String> ENDING_COLLECTIONS = Set.of("userRevokedAccess", "deleteUser");

    private final Replays replays;

    FitbitNotifications(Replays replays) {
        this.replays = replays;
    }

    @Override
    public NotificationVerdict read(InboundNotification notification, NotificationKeys keys) {
        return switch (notification.method()) {
            case "GET" ->
                VerifyTokens.matches(keys.verifyToken(), notification.queryParameter("verify"))
                        ? new Challenged("text/plain", "")
                        : new Rejected("Fitbit subscriber verification with a missing or wrong code");
            case "POST" -> event(notification, keys);
            default -> new Rejected("Fitbit sends GET and POST only");
        };
    }

    private NotificationVerdict event(InboundNotification notification, NotificationKeys keys) {
        Optional<ClientSecret> secret = keys.clientSecret();
        Optional<String> signature = notification.header(SIGNATURE);
        if (secret.isEmpty()) {
            return new Rejected("no client secret to verify Fitbit's signature with");
        }
        if (signature.isEmpty()) {
            return new Rejected("Fitbit notification without its signature header");
        }
        byte[] body = notification.body();
        byte[] expected = Signatures.hmac(Signatures.SHA1, secret.get().value() + "&", body);
        Optional<byte[]> received = Signatures.fromBase64(signature.get());
        if (received.isEmpty() || !Signatures.same(expected, received.get())) {
            return new Rejected("Fitbit signature does not match");
        }
        return replays.once("fitbit", expected, Replays.WITHOUT_TIMESTAMP, () -> notices(body));
    }

    private static NotificationVerdict notices(byte[] body) {
        Set<Notice> notices = new LinkedHashSet<>();
        for (Object element : Bodies.array(body).orElse(List.of())) {
            if (element instanceof JSONObject update) {
                notice(update).ifPresent(notices::add);
            }
        }
        return new Accepted(List.copyOf(notices));
    }

    private static Optional<Notice> notice(JSONObject update) {
        Optional<String> owner = Bodies.userId(update, "ownerId");
        Optional<String> collection = Bodies.string(update, "collectionType");
        if (owner.isEmpty() || collection.isEmpty()) {
            return Optional.empty();
        }
        if (ENDING_COLLECTIONS.contains(collection.get())) {
            return Optional.of(new Notice.Deauthorized(owner.get()));
        }
        return DATA_COLLECTIONS.contains(collection.get())
                ? Optional.of(new Notice.DataAvailable(owner.get()))
                : Optional.empty();
    }
}
