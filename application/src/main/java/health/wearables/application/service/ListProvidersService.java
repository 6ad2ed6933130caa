package health.wearables.application.service;

import health.wearables.application.port.in.ListProviders;
import health.wearables.application.port.out.AuditTrail;
import health.wearables.application.port.out.BuiltInProviders;
import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.application.port.out.Retirements;
import health.wearables.domain.ApiKey;
import health.wearables.domain.BuiltInProvider;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.ProviderListing;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.Step;
import health.wearables.domain.lifecycle.Retirement;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * authenticate → every known or configured provider, marked configured or not, with its retirement where it has one, by
 * slug.
 */
public final class ListProvidersService implements ListProviders {
    private final ProjectDirectory projects;
    private final BuiltInProviders builtIns;
    private final ConfiguredProviders configured;
    private final Retirements retirements;
    private final Clock clock;
    private final AuditTrail audits;

    /**
     * Lists the retirements the built-in providers announced, not those configured with {@code retires-on}: for
     * wiring that does not pass the {@link Retirements} yet.
     */
    public ListProvidersService(
            ProjectDirectory projects,
            BuiltInProviders builtIns,
            ConfiguredProviders configured,
            Clock clock,
            AuditTrail audits) {
        this(projects, builtIns, configured, new Announced(builtIns), clock, audits);
    }

    public ListProvidersService(
            ProjectDirectory projects,
            BuiltInProviders builtIns,
            ConfiguredProviders configured,
            Retirements retirements,
            Clock clock,
            AuditTrail audits) {
        this.clock = clock;
        this.audits = audits;
        this.projects = projects;
        this.builtIns = builtIns;
        this.configured = configured;
        this.retirements = retirements;
    }

    @Override
    public Step<List<ProviderListing>> list(Optional<ApiKey> apiKey) {
        return Authentication.of(projects, apiKey, audits, clock).then(project -> Step.ok(listing()));
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
                                false,
                                retirements.of(new ProviderSlug(builtIn.slug())))));
        for (ConfiguredProvider provider : configured.all()) {
            String description = Optional.ofNullable(bySlug.get(provider.slug().value()))
                    .map(ProviderListing::description)
                    .orElse("OAuth " + provider.oauthVersion().label() + " provider");
            bySlug.put(
                    provider.slug().value(),
                    new ProviderListing(
                            provider.slug(),
                            provider.displayName(),
                            description,
                            provider.oauthVersion(),
                            true,
                            retirements.of(provider.slug())));
        }
        return bySlug.values().stream()
                .sorted(Comparator.comparing(listing -> listing.slug().value()))
                .toList();
    }

    /** The retirements as the built-in providers announced them. */
    private static final class Announced implements Retirements {
        private final BuiltInProviders builtIns;

        Announced(BuiltInProviders builtIns) {
            this.builtIns = builtIns;
        }

        @Override
        public Optional<Retirement> of(ProviderSlug provider) {
            return builtIns.find(provider).flatMap(BuiltInProvider::retirement);
        }

        @Override
        public Map<ProviderSlug, Retirement> all() {
            Map<ProviderSlug, Retirement> all = new TreeMap<>(Comparator.comparing(ProviderSlug::value));
            builtIns.all()
                    .forEach(builtIn -> builtIn.retirement()
                            .ifPresent(retirement -> all.put(new ProviderSlug(builtIn.slug()), retirement)));
            return all;
        }
    }
}
