package health.wearables.application.port.out;

import health.wearables.domain.BuiltInProvider;
import health.wearables.domain.ProviderSlug;
import java.util.List;
import java.util.Optional;

/** The wearable providers the gateway ships with, and their documented OAuth settings. */
public interface BuiltInProviders {

    /** The built-in provider of this slug, if the gateway ships one. */
    Optional<BuiltInProvider> find(ProviderSlug slug);

    /** Every built-in provider, by slug. */
    List<BuiltInProvider> all();
}
