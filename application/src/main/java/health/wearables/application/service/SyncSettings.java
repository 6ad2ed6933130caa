package health.wearables.application.service;

import health.wearables.domain.ProviderSlug;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link SyncConnectionService} reads and when it refreshes.
 *
 * @param refreshMargin an access token expiring within this is refreshed before use ({@code wearables.refresh.margin})
 * @param backfill      how far back a first sync reads ({@code wearables.sync.backfill-days})
 * @param lookback      how far before the sync point a later sync starts, for revised data ({@code wearables.sync.lookback})
 * @param history       how far back each provider serves data, where it limits that (none given: the backfill)
 * @param retryAfter    how long a job stopped by a transient fault waits, when nobody said how long
 */
public record SyncSettings(
        Duration refreshMargin,
        Duration backfill,
        Duration lookback,
        Map<ProviderSlug, Duration> history,
        Duration retryAfter) {

    public SyncSettings {
        Objects.requireNonNull(refreshMargin, "refreshMargin");
        Objects.requireNonNull(backfill, "backfill");
        Objects.requireNonNull(lookback, "lookback");
        history = Map.copyOf(history);
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** 300 s margin, 30 days' backfill, 172800 s look-back, no provider limit, a minute's back-off. */
    public static SyncSettings defaults() {
        return new SyncSettings(
                Duration.ofSeconds(300),
                Duration.ofDays(30),
                Duration.ofSeconds(172_800),
                Map.of(),
                Duration.ofSeconds(60));
    }

    /** How far back the provider serves data. */
    public Duration historyOf(ProviderSlug provider) {
        return history.getOrDefault(provider, backfill);
    }
}
