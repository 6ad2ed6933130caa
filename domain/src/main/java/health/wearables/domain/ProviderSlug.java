package health.wearables.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/** A wearable vendor's slug, as it appears in the routes: {@code fitbit}, {@code withings}, {@code google-health}. */
public record ProviderSlug(String value) {
    private static final Pattern SYNTAX = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public ProviderSlug {
        Syntax.require(value, SYNTAX, 64, "provider");
    }

    /** The slug, if the text is one (a path segment from a request, say). */
    public static Optional<ProviderSlug> parse(String text) {
        try {
            return Optional.of(new ProviderSlug(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
