package health.wearables.domain;

/** The provider's authorization code: at most 1024 visible ASCII characters (no space, no control, no non-ASCII). */
public record AuthorizationCode(String value) {
    public static final int MAX_LENGTH = 1024;

    public AuthorizationCode {
        Syntax.require(value, Syntax.VISIBLE_ASCII, MAX_LENGTH, "code");
    }

    @Override
    public String toString() {
        return Redacted.of("AuthorizationCode");
    }
}
