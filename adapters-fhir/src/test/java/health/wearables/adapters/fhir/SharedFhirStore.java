package health.wearables.adapters.fhir;

import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.ProviderSlug;
import java.util.List;
import java.util.Optional;

/** HAPI's context takes seconds to start: one per test JVM, on PostgreSQL, closed at exit. */
final class SharedFhirStore {
    /** No provider configured: every Endpoint gets the {@code urn:wearables:provider:<slug>} address. */
    static final ConfiguredProviders NO_PROVIDERS = new ConfiguredProviders() {
        @Override
        public Optional<ConfiguredProvider> find(ProviderSlug slug) {
            return Optional.empty();
        }

        @Override
        public List<ConfiguredProvider> all() {
            return List.of();
        }
    };

    private static EmbeddedFhirStore store;

    private SharedFhirStore() {}

    static synchronized EmbeddedFhirStore get() {
        if (store == null) {
            store = EmbeddedFhirStore.start(TestDatabases.postgres("wearables_adapter_test"));
            Runtime.getRuntime().addShutdownHook(new Thread(store::close));
        }
        return store;
    }

    /** The connection store on the shared FHIR store, with no provider configured. */
    static FhirConnectionStore connections() {
        return new FhirConnectionStore(get(), NO_PROVIDERS);
    }
}
