package health.wearables.domain;

import java.util.regex.Pattern;

/** A tenant: one health platform customer. */
public record ProjectId(String value) {
    private static final Pattern SYNTAX = Pattern.compile("[a-z0-9-]{1,64}");

    public ProjectId {
        Syntax.require(value, SYNTAX, 64, "project id");
    }

    @Override
    public String toString() {
        return value;
    }
}
