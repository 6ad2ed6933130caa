package health.wearables.application.service;

import health.wearables.application.port.out.Retirements;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.lifecycle.Retirement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Retirement dates a test sets: none until told. */
final class FakeRetirements implements Retirements {
    private final Map<ProviderSlug, Retirement> retirements = new LinkedHashMap<>();

    /** The provider retires on {@code day}, replaced by {@code successor} if one is given. */
    void retire(String provider, LocalDate day, String... successor) {
        retirements.put(
                new ProviderSlug(provider),
                new Retirement(
                        day, successor.length == 0 ? Optional.empty() : Optional.of(new ProviderSlug(successor[0]))));
    }

    @Override
    public Optional<Retirement> of(ProviderSlug provider) {
        return Optional.ofNullable(retirements.get(provider));
    }

    @Override
    public Map<ProviderSlug, Retirement> all() {
        return Map.copyOf(retirements);
    }
}
