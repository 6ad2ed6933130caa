package health.wearables.adapters.rest.out.provider.oauth1;

import java.util.regex.Pattern;

/** The syntax of the consumer key (the domain's OAuth 1.0a types check their own values the same way). */
final class Oauth1Syntax {
    static final int MAX_LENGTH = 1024;
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]+");

    private Oauth1Syntax() {}

    /** The value, if it is 1 to {@value #MAX_LENGTH} visible ASCII characters; the message never quotes it. */
    static String require(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_LENGTH + " characters");
        }
        if (!VISIBLE_ASCII.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " has characters outside visible ASCII");
        }
        return value;
    }
}
