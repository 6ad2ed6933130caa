package health.wearables.domain.lifecycle;

import health.wearables.domain.ProviderSlug;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * The day a provider's API stops serving (announced by the provider, or configured with {@code
 * wearables.providers.<slug>.retires-on}), and the provider that replaces it where there is one. From the start of that
 * day in UTC, the provider takes no new connections and its connections are retired.
 */
public record Retirement(LocalDate on, Optional<ProviderSlug> successor) {

    public Retirement {
        Objects.requireNonNull(on, "retirement date");
        Objects.requireNonNull(successor, "successor");
    }

    /** Whether the retirement has come at {@code now}: the date is read in UTC. */
    public boolean hasCome(Instant now) {
        return !now.isBefore(on.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
