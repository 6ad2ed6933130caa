package health.wearables.domain;

import java.util.regex.Pattern;

/** Checks shared by the value types: every check is a whole-string match, so no partial input slips through. */
final class Syntax {
    static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]+");
    /** Longest OAuth 1.0a token, secret or verifier accepted. */
    static final int OAUTH1_MAX_LENGTH = 1024;

    private Syntax() {}

    static String require(String value, Pattern pattern, int maxLength, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(what + " is longer than " + maxLength + " characters");
        }
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " has characters outside its syntax");
        }
        return value;
    }
}
