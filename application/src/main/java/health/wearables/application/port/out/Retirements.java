package health.wearables.application.port.out;

import health.wearables.domain.ProviderSlug;
import health.wearables.domain.lifecycle.Retirement;
import java.util.Map;
import java.util.Optional;

/** The retirement dates of providers: the built-in ones their vendors announced, overridden by {@code retires-on}. */
public interface Retirements {

    Optional<Retirement> of(ProviderSlug provider);

    /** Every provider with a retirement date. */
    Map<ProviderSlug, Retirement> all();
}
