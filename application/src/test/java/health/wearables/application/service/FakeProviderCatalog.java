package health.wearables.application.service;

import health.wearables.application.port.out.ProviderCatalog;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.ProviderSlug;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class FakeProviderCatalog implements ProviderCatalog {
    private final Map<ProviderSlug, ConfiguredProvider> providers = new LinkedHashMap<>();
    private final Map<ProviderSlug, List<String>> missing = new LinkedHashMap<>();

    FakeProviderCatalog(ConfiguredProvider... providers) {
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
    FakeProviderCatalog unconfigured(String slug, String... missingKeys) {
        missing.put(new ProviderSlug(slug), List.of(missingKeys));
        return this;
    }

    @Override
    public List<String> missingKeys(ProviderSlug slug) {
        return missing.getOrDefault(slug, List.of());
    }
}
