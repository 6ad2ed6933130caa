package health.wearables.domain;

/** A provider's access token. Over 8 KiB is refused: no real provider issues one, and it bounds what is stored. */
public record AccessToken(String value) {
    public static final int MAX_LENGTH = 8192;

    public AccessToken {
        Syntax.require(value, Syntax.VISIBLE_ASCII, MAX_LENGTH, "access token");
    }

    @Override
    public String toString() {
        return Redacted.of("AccessToken");
    }
}
