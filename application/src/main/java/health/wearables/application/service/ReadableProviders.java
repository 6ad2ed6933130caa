package health.wearables.application.service;

import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.application.port.out.ProviderData;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.ProviderSlug;
import java.util.Optional;

/**
 * The providers the gateway can sync: configured, and read by a data client. A generic OAuth provider without a data
 * API, or one no longer configured, has nothing to sync, so neither the schedule nor a worker spends a job on it.
 */
final class ReadableProviders {
    private final ConfiguredProviders providers;
    private final ProviderData data;

    ReadableProviders(ConfiguredProviders providers, ProviderData data) {
        this.providers = providers;
        this.data = data;
    }

    /** The provider, if it is configured and a data client reads it. */
    Optional<ConfiguredProvider> find(ProviderSlug slug) {
        return providers.find(slug).filter(provider -> data.reads(provider.slug()));
    }
}
