package health.wearables.application.port.in;

import health.wearables.domain.ApiKey;
import health.wearables.domain.ProviderListing;
import health.wearables.domain.Step;
import java.util.List;
import java.util.Optional;

/** A project's dashboard lists the providers: the built-in ones and those added by configuration. */
@FunctionalInterface
public interface ListProviders {

    Step<List<ProviderListing>> list(Optional<ApiKey> apiKey);
}
