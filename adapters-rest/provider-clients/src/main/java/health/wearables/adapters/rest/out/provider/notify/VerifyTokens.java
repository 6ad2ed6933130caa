package health.wearables.adapters.rest.out.provider.notify;

import health.wearables.domain.VerifyToken;
import health.wearables.domain.notify.InboundNotification;
import health.wearables.domain.notify.NotificationVerdict;
import java.util.Optional;
import java.util.regex.Pattern;
import net.minidev.json.JSONObject;

/**
 * The verify token, where a provider sends it back (a subscription challenge) or where the gateway put it (the
 * callback URL of a provider that does not sign), and the answer to a challenge. No configured token matches nothing.
 */
final class VerifyTokens {
    /**
     * The query parameter that carries the verify token in the callback URL the gateway registers with a provider that
     * does not sign its notifications (Strava, Withings, Garmin): {@code …/webhook?verify_token=<token>}.
     */
    static final String CALLBACK_PARAMETER = "verify_token";

    /** A challenge is echoed only if it is this plain: printable ASCII, not too long. */
    private static final Pattern ECHOABLE = Pattern.compile("[\\x20-\\x7E]{1,512}");

    private VerifyTokens() {}

    /** Whether {@code received} is the configured token, compared in constant time. */
    static boolean matches(Optional<VerifyToken> configured, Optional<String> received) {
        return configured.isPresent()
                && received.isPresent()
                && Signatures.same(configured.get().value(), received.get());
    }

    /** For the unsigned providers: the token of the callback URL is the configured one, or the request is refused. */
    static Optional<NotificationVerdict> refusedWithoutCallbackToken(
            InboundNotification notification, NotificationKeys keys) {
        if (keys.verifyToken().isEmpty()) {
            return Optional.of(new NotificationVerdict.Rejected("no webhook-verify-token is configured"));
        }
        if (!matches(keys.verifyToken(), notification.queryParameter(CALLBACK_PARAMETER))) {
            return Optional.of(new NotificationVerdict.Rejected("verify token of the callback URL missing or wrong"));
        }
        return Optional.empty();
    }

    /** The JSON answer {@code {"<member>": "<challenge>"}}, or refused when the challenge is not plain text. */
    static NotificationVerdict echo(String member, Optional<String> challenge) {
        if (challenge.isEmpty() || !ECHOABLE.matcher(challenge.get()).matches()) {
            return new NotificationVerdict.Rejected("challenge missing or not plain text");
        }
        JSONObject answer = new JSONObject();
        answer.put(member, challenge.get());
        return new NotificationVerdict.Challenged("application/json", answer.toJSONString());
    }
}
