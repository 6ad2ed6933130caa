package health.wearables.adapters.rest.out.provider.data;

import health.wearables.application.port.out.ProviderData.Cursor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a read stands: which of the provider's collections, which slice of the window, and the provider's own token
 * (page token, offset) within that slice. It travels as a {@link Cursor} of the form {@code collection.slice[.token]},
 * the token in base64url so that whatever the provider uses survives.
 */
record Position(int collection, int slice, Optional<String> token) {
    static final Position START = new Position(0, 0, Optional.empty());

    private static final Pattern FORM = Pattern.compile("([0-9]{1,4})\\.([0-9]{1,6})(?:\\.([A-Za-z0-9_-]+))?");

    Position {
        if (collection < 0 || slice < 0) {
            throw new IllegalArgumentException("a position is never negative");
        }
    }

    Cursor cursor() {
        return new Cursor(collection + "." + slice
                + token.map(value -> "."
                                + Base64.getUrlEncoder()
                                        .withoutPadding()
                                        .encodeToString(value.getBytes(StandardCharsets.UTF_8)))
                        .orElse(""));
    }

    /** The position a cursor names, if it is one this client handed out. */
    static Optional<Position> of(Cursor cursor) {
        Matcher matcher = FORM.matcher(cursor.position());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            Optional<String> token = Optional.ofNullable(matcher.group(3))
                    .map(encoded -> new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8));
            return Optional.of(
                    new Position(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), token));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
