package health.wearables.application.port.out;

import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.ProviderSlug;
import java.util.List;
import java.util.Optional;

/** The configured providers. */
public interface ConfiguredProviders {

    Optional<ConfiguredProvider> find(ProviderSlug slug);

    List<ConfiguredProvider> all();

    /**
     * For a provider the gateway knows but cannot use: the configuration keys it lacks. Empty for a configured provider
     * and for a slug nobody knows.
     */
    default List<String> missingKeys(ProviderSlug slug) {
        return List.of();
    }
}
