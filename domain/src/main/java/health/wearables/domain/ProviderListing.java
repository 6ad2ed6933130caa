package health.wearables.domain;

import health.wearables.domain.lifecycle.Retirement;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider as a dashboard lists it: what it is, and whether this gateway can connect it now. {@code retirement} is
 * the day it retires and its successor, where it has one, so that a platform sees a retirement coming and moves its
 * patients before connecting answers 410.
 */
public record ProviderListing(
        ProviderSlug slug,
        String displayName,
        String description,
        OAuthVersion oauthVersion,
        boolean configured,
        Optional<Retirement> retirement) {

    public ProviderListing {
        Objects.requireNonNull(retirement, "retirement");
    }
}
