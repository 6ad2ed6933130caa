package health.wearables.application.port.out;

import health.wearables.application.port.out.TokenCipher.TokenKind;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.Oauth1TokenSecret;
import health.wearables.domain.PatientId;
import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.PkceVerifier;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.ReturnUrl;
import health.wearables.domain.SealedCredentials;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Values for contract tests; each call gives fresh ids so tests against a shared real store do not collide. */
public final class Samples {
    private Samples() {}

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    public static ConnectionKey connectionKey() {
        return new ConnectionKey(
                new ProjectId(unique("project")), new PatientId(unique("patient")), new ProviderSlug("fitbit"));
    }

    public static PendingAuthorization pending(Instant expiresAt) {
        return new PendingAuthorization(
                new ProjectId(unique("project")),
                new PatientId(unique("patient")),
                new ProviderSlug("withings"),
                Optional.of(ReturnUrl.parse("https://dashboard.example.com/wearables/done?x=1")),
                true,
                Optional.of(new PkceVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")),
                expiresAt.truncatedTo(ChronoUnit.MILLIS));
    }

    /** What an OAuth 1.0a {@code /connect} stores: no verifier, the temporary credentials' secret instead. */
    public static PendingAuthorization pendingOauth1(Instant expiresAt) {
        return new PendingAuthorization(
                new ProjectId(unique("project")),
                new PatientId(unique("patient")),
                new ProviderSlug("garmin-legacy"),
                Optional.empty(),
                false,
                Optional.empty(),
                Optional.of(new Oauth1TokenSecret("temporary-secret-" + unique("s"))),
                expiresAt.truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * OAuth 2.0 credentials of the connection, sealed with the cipher, connected now (to the second): scopes
     * {@code activity} and {@code sleep}, provider user {@code user-7}, expiring in an hour.
     */
    public static SealedCredentials sealed(
            TokenCipher cipher, ConnectionKey key, String access, Optional<String> refresh) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new SealedCredentials(
                key,
                cipher.seal(key, TokenKind.ACCESS, access),
                refresh.map(r -> cipher.seal(key, TokenKind.REFRESH, r)),
                Optional.empty(),
                Optional.of(now.plusSeconds(3600)),
                List.of("activity", "sleep"),
                Optional.of("user-7"),
                now);
    }

    /** OAuth 1.0a token credentials of the connection, sealed with the cipher, connected now (to the second). */
    public static SealedCredentials oauth1Sealed(TokenCipher cipher, ConnectionKey key, String token, String secret) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new SealedCredentials(
                key,
                cipher.seal(key, TokenKind.ACCESS, token),
                Optional.empty(),
                Optional.of(cipher.seal(key, TokenKind.TOKEN_SECRET, secret)),
                Optional.empty(),
                List.of(),
                Optional.of("user-" + token),
                now);
    }
}
