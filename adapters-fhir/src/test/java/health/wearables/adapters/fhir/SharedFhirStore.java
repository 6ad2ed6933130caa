package health.wearables.adapters.fhir;

/** HAPI's context takes seconds to start: one per test JVM, on PostgreSQL, closed at exit. */
final class SharedFhirStore {
    private static EmbeddedFhirStore store;

    private SharedFhirStore() {
    }

    static synchronized EmbeddedFhirStore get() {
        if (store == null) {
            store = EmbeddedFhirStore.start(TestDatabases.postgres("wearables_adapter_test"));
            Runtime.getRuntime().addShutdownHook(new Thread(store::close));
        }
        return store;
    }
}
