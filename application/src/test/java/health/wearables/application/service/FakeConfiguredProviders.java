package health.wearables.application.service;

import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.ProviderSlug;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class FakeConfiguredProviders implements ConfiguredProviders {
    private final Map<ProviderSlug, ConfiguredProvider> providers = new LinkedHashMap<>();
    private final Map<ProviderSlug, List<String>> missing = new LinkedHashMap<>();

    FakeConfiguredProviders(ConfiguredProvider... providers) {
        for (ConfiguredProvider provider : providers) {
            this.providers.put(provider.slug(), provider);
        }
    }

    @Override
    public Optional<ConfiguredProvider> find(ProviderSlug slug) {
        return Optional.ofNullable(providers.get(slug));
    }

    @Override
    public List<ConfiguredProvider> all() {
        return List.copyOf(providers.values());
    }

    /** A provider known to the gateway but not configured, lacking these keys. */
    FakeConfiguredProviders unconfigured(String slug, String... missingKeys) {
        missing.put(new ProviderSlug(slug), List.of(missingKeys));
        return this;
    }

    @Override
    public List<String> missingKeys(ProviderSlug slug) {
        return missing.getOrDefault(slug, List.of());
    }
}
