package health.wearables.application.port.out;

import health.wearables.domain.ProviderConfig;
import health.wearables.domain.ProviderSlug;
import java.util.List;
import java.util.Optional;

/** The configured providers. */
public interface ProviderCatalog {

    Optional<ProviderConfig> find(ProviderSlug slug);

    List<ProviderConfig> all();
}
