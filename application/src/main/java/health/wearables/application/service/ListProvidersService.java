package health.wearables.application.service;

import health.wearables.application.port.in.ListProviders;
import health.wearables.application.port.out.BuiltInProviders;
import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.domain.ApiKey;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.ProviderListing;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.Step;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** authenticate → every known or configured provider, marked configured or not, by slug. */
public final class ListProvidersService implements ListProviders {
    private final ProjectDirectory projects;
    private final BuiltInProviders builtIns;
    private final ConfiguredProviders configured;

    public ListProvidersService(ProjectDirectory projects, BuiltInProviders builtIns, ConfiguredProviders configured) {
        this.projects = projects;
        this.builtIns = builtIns;
        this.configured = configured;
    }

    @Override
    public Step<List<ProviderListing>> list(Optional<ApiKey> apiKey) {
        return Authentication.of(projects, apiKey).then(project -> Step.ok(listing()));
    }

    private List<ProviderListing> listing() {
        Map<String, ProviderListing> bySlug = new TreeMap<>();
        builtIns.all()
                .forEach(builtIn -> bySlug.put(
                        builtIn.slug(),
                        new ProviderListing(
                                new ProviderSlug(builtIn.slug()),
                                builtIn.displayName(),
                                builtIn.description(),
                                builtIn.oauthVersion(),
                                false)));
        for (ConfiguredProvider provider : configured.all()) {
            String description = Optional.ofNullable(bySlug.get(provider.slug().value()))
                    .map(ProviderListing::description)
                    .orElse("OAuth " + provider.oauthVersion().label() + " provider");
            bySlug.put(
                    provider.slug().value(),
                    new ProviderListing(
                            provider.slug(), provider.displayName(), description, provider.oauthVersion(), true));
        }
        return bySlug.values().stream()
                .sorted(Comparator.comparing(listing -> listing.slug().value()))
                .toList();
    }
}
