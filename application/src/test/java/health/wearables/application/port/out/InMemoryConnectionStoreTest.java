package health.wearables.application.port.out;

class InMemoryConnectionStoreTest extends ConnectionStoreContract {
    private final InMemoryConnectionStore store = new InMemoryConnectionStore();

    @Override
    protected ConnectionStore store() {
        return store;
    }

    @Override
    protected StoredCredentials stored() {
        return store;
    }
}
