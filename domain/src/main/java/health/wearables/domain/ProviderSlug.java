package health.wearables.domain;

import java.util.regex.Pattern;

/** A wearable vendor's slug, as it appears in the routes: {@code fitbit}, {@code withings}, {@code google-health}. */
public record ProviderSlug(String value) {
    private static final Pattern SYNTAX = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public ProviderSlug {
        Syntax.require(value, SYNTAX, 64, "provider");
    }

    @Override
    public String toString() {
        return value;
    }
}
