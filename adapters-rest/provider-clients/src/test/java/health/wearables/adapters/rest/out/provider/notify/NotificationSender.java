package health.wearables.adapters.rest.out.provider.notify;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds each provider's notifications as the provider documents them, signed the documented way with
 * {@link javax.crypto.Mac} here (independently of the gateway's readers), for the readers' tests and for the
 * acceptance run against a running gateway. For example {@code NotificationSender.oura(clientSecret)
 * .dataAvailable("oura-user").send(webhookUrl)}; {@code .at(fiveMinutesAgo)} signs a stale one,
 * {@code .withoutSignature()} / {@code .withTamperedBody()} spoil it, sending it twice replays it.
 *
 * <p>For the providers that do not sign (Strava, Withings, Garmin) the verify token is put in the callback URL's query
 * as {@code verify_token}, where the gateway registers it.
 */
public final class NotificationSender {
    static final String CALLBACK_TOKEN = "verify_token";

    private NotificationSender() {}

    public static Oura oura(String clientSecret) {
        return new Oura(clientSecret, Instant.now());
    }

    public static Whoop whoop(String clientSecret) {
        return new Whoop(clientSecret, Instant.now());
    }

    public static Polar polar(String signatureSecretKey) {
        return new Polar(signatureSecretKey);
    }

    public static Fitbit fitbit(String clientSecret) {
        return new Fitbit(clientSecret);
    }

    public static Strava strava(String verifyToken) {
        return new Strava(verifyToken);
    }

    public static Withings withings(String verifyToken) {
        return new Withings(verifyToken);
    }

    /** For {@code garmin} and {@code garmin-legacy}. */
    public static Garmin garmin(String verifyToken) {
        return new Garmin(verifyToken);
    }

    /** Oura: {@code x-oura-signature} = upper-case hex HMAC-SHA256(client secret, timestamp + body), seconds. */
    public static final class Oura {
        private final String clientSecret;
        private final Instant signedAt;

        private Oura(String clientSecret, Instant signedAt) {
            this.clientSecret = clientSecret;
            this.signedAt = signedAt;
        }

        /** Signed at this time instead of now. */
        public Oura at(Instant time) {
            return new Oura(clientSecret, time);
        }

        public PreparedNotification dataAvailable(String userId) {
            return event("update", "daily_activity", userId);
        }

        public PreparedNotification event(String eventType, String dataType, String userId) {
            String body = json(Map.of(
                    "event_type", eventType,
                    "data_type", dataType,
                    "object_id", "8f9a5221-639e-4a85-81cb-4065ef23f979",
                    "event_time", signedAt.toString(),
                    "user_id", userId));
            String timestamp = Long.toString(signedAt.getEpochSecond());
            String signature = HexFormat.of()
                    .formatHex(hmac("HmacSHA256", clientSecret, timestamp + body))
                    .toUpperCase(Locale.ROOT);
            return post(
                    Map.of(),
                    Map.of("x-oura-signature", signature, "x-oura-timestamp", timestamp),
                    body,
                    "x-oura-signature");
        }

        /** The subscription verification Oura sends when a subscription is created. */
        public PreparedNotification challenge(String verificationToken, String challenge) {
            return get(Map.of("verification_token", verificationToken, "challenge", challenge));
        }
    }

    /** WHOOP: {@code X-WHOOP-Signature} = base64 HMAC-SHA256(client secret, timestamp + body), milliseconds. */
    public static final class Whoop {
        private final String clientSecret;
        private final Instant signedAt;

        private Whoop(String clientSecret, Instant signedAt) {
            this.clientSecret = clientSecret;
            this.signedAt = signedAt;
        }

        public Whoop at(Instant time) {
            return new Whoop(clientSecret, time);
        }

        public PreparedNotification dataAvailable(long userId) {
            return event("recovery.updated", userId);
        }

        public PreparedNotification event(String type, long userId) {
            String body = "{\"user_id\":" + userId + ",\"id\":\"ecfc6a15-4661-442f-a9a4-f160dd7afae8\",\"type\":\""
                    + type + "\",\"trace_id\":\"e369c784-5100-49e8-8098-75d35c47b31b\"}";
            String timestamp = Long.toString(signedAt.toEpochMilli());
            String signature = Base64.getEncoder().encodeToString(hmac("HmacSHA256", clientSecret, timestamp + body));
            return post(
                    Map.of(),
                    Map.of("X-WHOOP-Signature", signature, "X-WHOOP-Signature-Timestamp", timestamp),
                    body,
                    "X-WHOOP-Signature");
        }
    }

    /** Polar AccessLink: {@code Polar-Webhook-Signature} = hex HMAC-SHA256(signature_secret_key, body). */
    public static final class Polar {
        private final String key;

        private Polar(String key) {
            this.key = key;
        }

        public PreparedNotification dataAvailable(long userId) {
            return event("EXERCISE", userId);
        }

        public PreparedNotification event(String event, long userId) {
            return signed(
                    event,
                    "{\"event\":\"" + event + "\",\"user_id\":" + userId
                            + ",\"entity_id\":\"aQlC83\",\"timestamp\":\"2026-01-14T09:26:33.000Z\","
                            + "\"url\":\"https://www.polaraccesslink.com/v3/exercises/aQlC83\"}");
        }

        /** What Polar sends when the webhook is created. */
        public PreparedNotification ping() {
            return signed("PING", "{\"timestamp\":\"2026-01-14T09:26:33.000Z\",\"event\":\"PING\"}");
        }

        private PreparedNotification signed(String event, String body) {
            String signature = HexFormat.of().formatHex(hmac("HmacSHA256", key, body));
            return post(
                    Map.of(),
                    Map.of("Polar-Webhook-Signature", signature, "Polar-Webhook-Event", event),
                    body,
                    "Polar-Webhook-Signature");
        }
    }

    /** Fitbit: {@code X-Fitbit-Signature} = base64 HMAC-SHA1(client secret + "&", body); a JSON array of updates. */
    public static final class Fitbit {
        private final String clientSecret;

        private Fitbit(String clientSecret) {
            this.clientSecret = clientSecret;
        }

        public PreparedNotification dataAvailable(String ownerId) {
            return updates(List.of("activities"), ownerId);
        }

        public PreparedNotification deauthorized(String ownerId) {
            return updates(List.of("userRevokedAccess"), ownerId);
        }

        public PreparedNotification updates(List<String> collectionTypes, String ownerId) {
            String body = collectionTypes.stream()
                    .map(type -> "{\"collectionType\":\"" + type + "\",\"date\":\"2026-01-14\",\"ownerId\":\"" + ownerId
                            + "\",\"ownerType\":\"user\",\"subscriptionId\":\"gateway-1\"}")
                    .collect(Collectors.joining(",", "[", "]"));
            String signature = Base64.getEncoder().encodeToString(hmac("HmacSHA1", clientSecret + "&", body));
            return post(Map.of(), Map.of("X-Fitbit-Signature", signature), body, "X-Fitbit-Signature");
        }

        /** The subscriber verification: {@code GET ?verify=<code>}. */
        public PreparedNotification verification(String code) {
            return get(Map.of("verify", code));
        }
    }

    /** Strava: unsigned events, the verify token in the callback URL; the {@code hub.*} challenge. */
    public static final class Strava {
        private final String verifyToken;

        private Strava(String verifyToken) {
            this.verifyToken = verifyToken;
        }

        public PreparedNotification dataAvailable(long ownerId) {
            return event("activity", "create", ownerId, "{}");
        }

        public PreparedNotification deauthorized(long ownerId) {
            return event("athlete", "update", ownerId, "{\"authorized\":\"false\"}");
        }

        public PreparedNotification event(String objectType, String aspectType, long ownerId, String updates) {
            String body = "{\"aspect_type\":\"" + aspectType + "\",\"event_time\":1516126040,\"object_id\":1360128428,"
                    + "\"object_type\":\"" + objectType + "\",\"owner_id\":" + ownerId
                    + ",\"subscription_id\":120475,\"updates\":" + updates + "}";
            return post(Map.of(CALLBACK_TOKEN, verifyToken), Map.of(), body, null);
        }

        /** The subscription validation Strava sends: {@code hub.mode}, {@code hub.verify_token}, {@code hub.challenge}. */
        public PreparedNotification challenge(String hubVerifyToken, String challenge) {
            return get(Map.of("hub.mode", "subscribe", "hub.verify_token", hubVerifyToken, "hub.challenge", challenge));
        }
    }

    /** Withings: unsigned form posts, the verify token in the callback URL; the HEAD check of the URL. */
    public static final class Withings {
        private final String verifyToken;

        private Withings(String verifyToken) {
            this.verifyToken = verifyToken;
        }

        public PreparedNotification dataAvailable(long userId) {
            return form(Map.of(
                    "userid", Long.toString(userId),
                    "appli", "1",
                    "startdate", "1530576000",
                    "enddate", "1530698753"));
        }

        public PreparedNotification deauthorized(long userId) {
            return profileChange(userId, "unlink");
        }

        public PreparedNotification profileChange(long userId, String action) {
            return form(Map.of("userid", Long.toString(userId), "appli", "46", "action", action, "date", "1530576000"));
        }

        public PreparedNotification form(Map<String, String> fields) {
            String body = fields.entrySet().stream()
                    .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return post(
                    Map.of(CALLBACK_TOKEN, verifyToken),
                    Map.of("Content-Type", "application/x-www-form-urlencoded"),
                    body,
                    null);
        }

        /** The check Withings makes of the callback URL when subscribing. */
        public PreparedNotification urlCheck() {
            return new PreparedNotification(
                    "HEAD", Map.of(CALLBACK_TOKEN, verifyToken), Map.of(), new byte[0], Optional.empty());
        }
    }

    /** Garmin Health API: unsigned JSON, the verify token in the endpoint URL. */
    public static final class Garmin {
        private final String verifyToken;

        private Garmin(String verifyToken) {
            this.verifyToken = verifyToken;
        }

        public PreparedNotification dataAvailable(String userId) {
            return body("{\"dailies\":[{\"userId\":\"" + userId + "\",\"userAccessToken\":\"garmin-user-access-token\","
                    + "\"summaryId\":\"x153a9f3-5a9478d4-6\",\"calendarDate\":\"2026-01-14\",\"steps\":4210}]}");
        }

        public PreparedNotification deauthorized(String userId) {
            return body("{\"deregistrations\":[{\"userId\":\"" + userId
                    + "\",\"userAccessToken\":\"garmin-user-access-token\"}]}");
        }

        public PreparedNotification permissionsChanged(String userId, List<String> permissions) {
            String granted = permissions.stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(",", "[", "]"));
            return body("{\"userPermissionsChange\":[{\"userId\":\"" + userId + "\",\"summaryId\":\"x2\","
                    + "\"permissions\":" + granted + ",\"changeTimeInSeconds\":1736847993}]}");
        }

        public PreparedNotification body(String json) {
            return post(Map.of(CALLBACK_TOKEN, verifyToken), Map.of("Content-Type", "application/json"), json, null);
        }
    }

    private static PreparedNotification post(
            Map<String, String> query, Map<String, String> headers, String body, String signatureHeader) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putIfAbsent("Content-Type", "application/json");
        return new PreparedNotification(
                "POST", query, all, body.getBytes(StandardCharsets.UTF_8), Optional.ofNullable(signatureHeader));
    }

    private static PreparedNotification get(Map<String, String> query) {
        return new PreparedNotification("GET", query, Map.of(), new byte[0], Optional.empty());
    }

    static byte[] hmac(String algorithm, String key, String message) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Map<String, String> members) {
        return members.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(member -> "\"" + member.getKey() + "\":\"" + member.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}
