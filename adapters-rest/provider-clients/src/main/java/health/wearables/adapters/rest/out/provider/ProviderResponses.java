package health.wearables.adapters.rest.out.provider;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import health.wearables.domain.TokenSet;
import health.wearables.domain.callback.ExchangeResult.Failed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.minidev.json.JSONObject;

/** Small readings of provider JSON shared by the strategies; lenient, since the shapes are the providers'. */
final class ProviderResponses {

    private ProviderResponses() {}

    /** A member that is a JSON object. */
    static Optional<JSONObject> object(JSONObject json, String member) {
        return json.get(member) instanceof JSONObject object ? Optional.of(object) : Optional.empty();
    }

    /** The first object of a member that is an array, e.g. {@code errors[0]}. */
    static Optional<JSONObject> first(JSONObject json, String member) {
        if (json.get(member) instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof JSONObject first) {
            return Optional.of(first);
        }
        return Optional.empty();
    }

    /** An RFC 6749 §5.2 error body carrying the given code, for providers that say it their own way. */
    static JSONObject oauthError(String code) {
        JSONObject error = new JSONObject();
        error.put("error", code);
        return error;
    }

    static TokenSet withUserId(TokenSet tokens, Optional<String> userId) {
        return tokens.withProviderUserId(userId);
    }

    static TokenSet withExpiry(TokenSet tokens, Instant expiresAt) {
        return tokens.withExpiry(expiresAt);
    }

    /** A follow-up call that did not end well, in our words: the status or the transport reason, never the body. */
    static Failed followUpFailed(String call, ProviderCalls.Answer answer) {
        return answer.fold(
                answered -> new Failed(call + " answered HTTP " + answered.status()),
                unanswered -> new Failed(call + " failed: " + unanswered.reason()));
    }

    /** A body that is a JSON object, or empty. */
    static Optional<JSONObject> json(byte[] body) {
        try {
            return Optional.of(JSONObjectUtils.parse(new String(body, StandardCharsets.UTF_8)));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }
}
