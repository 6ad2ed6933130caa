package health.wearables.domain;

/** A provider's refresh token; same bounds as {@link AccessToken}. */
public record RefreshToken(String value) {
    public RefreshToken {
        Syntax.require(value, Syntax.VISIBLE_ASCII, AccessToken.MAX_LENGTH, "refresh token");
    }

    @Override
    public String toString() {
        return Redacted.of("RefreshToken");
    }
}
