package health.wearables.adapters.rest.out.provider.data;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.minidev.json.JSONObject;

/**
 * Strict readings of a provider's JSON: a member that the provider documents is there and has its documented type, or
 * the page is unreadable. The reasons name the member, never its value (which came from the provider and could be
 * anything).
 */
final class Json {

    /** The body is not the documented shape; the message is ours. */
    static final class Unexpected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unexpected(String reason) {
            super(reason, null, false, false);
        }
    }

    private Json() {}

    /** The body as a JSON object, or empty. */
    static Optional<JSONObject> parse(byte[] body) {
        try {
            return Optional.of(JSONObjectUtils.parse(new String(body, StandardCharsets.UTF_8)));
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static JSONObject object(JSONObject json, String member) {
        return optionalObject(json, member).orElseThrow(() -> missing(member, "an object"));
    }

    /** A member that may be absent or null, but is an object when present. */
    static Optional<JSONObject> optionalObject(JSONObject json, String member) {
        Object value = json.get(member);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof JSONObject object) {
            return Optional.of(object);
        }
        throw missing(member, "an object");
    }

    /** An array of objects. */
    static List<JSONObject> objects(JSONObject json, String member) {
        if (!(json.get(member) instanceof List<?> list)) {
            throw missing(member, "an array");
        }
        List<JSONObject> objects = new ArrayList<>(list.size());
        for (Object element : list) {
            if (!(element instanceof JSONObject object)) {
                throw new Unexpected("an element of '" + member + "' is not an object");
            }
            objects.add(object);
        }
        return objects;
    }

    static String string(JSONObject json, String member) {
        return optionalString(json, member).orElseThrow(() -> missing(member, "a string"));
    }

    /** A non-empty string, or empty when absent, null or "". */
    static Optional<String> optionalString(JSONObject json, String member) {
        Object value = json.get(member);
        if (value == null || "".equals(value)) {
            return Optional.empty();
        }
        if (value instanceof String text) {
            return Optional.of(text);
        }
        throw missing(member, "a string");
    }

    /** An id given as a string or an integer, as text. */
    static String id(JSONObject json, String member) {
        Object value = json.get(member);
        if (value instanceof String text && !text.isBlank()) {
            return text;
        }
        if (value instanceof Number number && isIntegral(number)) {
            return new BigDecimal(number.toString()).toBigInteger().toString();
        }
        throw missing(member, "an id");
    }

    static double number(JSONObject json, String member) {
        return optionalNumber(json, member).orElseThrow(() -> missing(member, "a number"));
    }

    /**
     * A number, also when given as a numeric string (Google's JSON writes 64-bit integers as strings); empty when
     * absent or null.
     */
    static Optional<Double> optionalNumber(JSONObject json, String member) {
        Object value = json.get(member);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Number number) {
            return Optional.of(number.doubleValue());
        }
        if (value instanceof String text) {
            try {
                return Optional.of(new BigDecimal(text.trim()).doubleValue());
            } catch (NumberFormatException e) {
                throw missing(member, "a number");
            }
        }
        throw missing(member, "a number");
    }

    static long integer(JSONObject json, String member) {
        Object value = json.get(member);
        if (value instanceof Number number && isIntegral(number)) {
            try {
                return new BigDecimal(number.toString()).longValueExact();
            } catch (ArithmeticException e) {
                throw missing(member, "an integer");
            }
        }
        throw missing(member, "an integer");
    }

    /** A flag given as a boolean or as 0 / 1 (Withings writes both); absent or null is false. */
    static boolean flag(JSONObject json, String member) {
        Object value = json.get(member);
        if (value == null || Boolean.FALSE.equals(value)) {
            return false;
        }
        if (Boolean.TRUE.equals(value)) {
            return true;
        }
        if (value instanceof Number number && isIntegral(number)) {
            return number.longValue() != 0;
        }
        throw missing(member, "a flag");
    }

    /** An RFC 3339 date-time with an offset, or without one, which then means UTC. */
    static Instant instant(JSONObject json, String member) {
        String text = string(json, member);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw missing(member, "a date-time");
            }
        }
    }

    static LocalDate date(JSONObject json, String member) {
        try {
            return LocalDate.parse(string(json, member));
        } catch (DateTimeParseException e) {
            throw missing(member, "a date");
        }
    }

    /** Seconds since the epoch. */
    static Instant epochSeconds(JSONObject json, String member) {
        try {
            return Instant.ofEpochSecond(integer(json, member));
        } catch (java.time.DateTimeException e) {
            throw missing(member, "a time");
        }
    }

    private static boolean isIntegral(Number number) {
        try {
            new BigDecimal(number.toString()).toBigIntegerExact();
            return true;
        } catch (NumberFormatException | ArithmeticException e) {
            return false;
        }
    }

    private static Unexpected missing(String member, String what) {
        return new Unexpected("'" + member + "' is missing or not " + what);
    }
}
