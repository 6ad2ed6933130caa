package health.wearables.adapters.rest.out.provider.notify;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONArrayUtils;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import net.minidev.json.JSONObject;

/**
 * Lenient readings of a verified notification's body (JSON through the OAuth SDK's json-smart, forms through its URL
 * utilities): whatever is not the documented shape reads as absent, and the reader then acknowledges the notification
 * with no notices. Nothing here quotes the body.
 */
final class Bodies {
    /** Provider user ids: visible ASCII, at most 256 characters (as the token exchange accepts them). */
    private static final Pattern USER_ID = Pattern.compile("[\\x21-\\x7E]{1,256}");

    private Bodies() {}

    static Optional<JSONObject> object(byte[] body) {
        try {
            return Optional.of(JSONObjectUtils.parse(new String(body, StandardCharsets.UTF_8)));
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<List<Object>> array(byte[] body) {
        try {
            return Optional.of(JSONArrayUtils.parse(new String(body, StandardCharsets.UTF_8)));
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** An {@code application/x-www-form-urlencoded} body, name → values. */
    static Map<String, List<String>> form(byte[] body) {
        try {
            return URLUtils.parseParameters(new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    /** The only value of a form field; empty when absent or repeated. */
    static Optional<String> single(Map<String, List<String>> form, String name) {
        List<String> values = form.getOrDefault(name, List.of());
        return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
    }

    /** A string member; empty when absent or not a string. */
    static Optional<String> string(JSONObject json, String member) {
        return json.get(member) instanceof String text ? Optional.of(text) : Optional.empty();
    }

    /** A user id given as a string or an integer, as text; empty when it is neither or outside the id syntax. */
    static Optional<String> userId(Object value) {
        String text = null;
        if (value instanceof String string) {
            text = string;
        } else if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            text = value.toString();
        }
        return Optional.ofNullable(text).filter(id -> USER_ID.matcher(id).matches());
    }

    /** The user id member of a JSON object. */
    static Optional<String> userId(JSONObject json, String member) {
        return userId(json.get(member));
    }
}
