package health.wearables.application.service;

import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.application.port.out.PendingRevocations;
import health.wearables.application.port.out.Revocations;
import health.wearables.application.port.out.TokenCipher;
import health.wearables.application.port.out.TokenRefresh;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What revoking at providers needs besides its record: the providers' revocation calls, the providers, the cipher that
 * opens the parked tokens, the token endpoint that renews an expired access token first, and how long a failing revocation is asked again ({@code wearables.revocation.retry-for},
 * default 7 days).
 */
public record RevocationSettings(
        Revocations revocations,
        ConfiguredProviders providers,
        TokenCipher cipher,
        Duration retryFor,
        TokenRefresh refresh) {

    public static final Duration DEFAULT_RETRY_FOR = Duration.ofDays(7);

    public RevocationSettings {
        Objects.requireNonNull(revocations, "revocations");
        Objects.requireNonNull(providers, "providers");
        Objects.requireNonNull(cipher, "cipher");
        Objects.requireNonNull(refresh, "refresh");
        if (retryFor.isNegative() || retryFor.isZero()) {
            throw new IllegalArgumentException("the revocation retry time must be positive");
        }
    }

    Revoking revoking(PendingRevocations pending, Clock clock) {
        return new Revoking(pending, revocations, providers, cipher, clock, retryFor, refresh);
    }
}
