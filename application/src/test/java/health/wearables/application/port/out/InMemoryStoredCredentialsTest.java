package health.wearables.application.port.out;

class InMemoryStoredCredentialsTest extends StoredCredentialsContract {
    private final InMemoryConnectionStore store = new InMemoryConnectionStore();

    @Override
    protected StoredCredentials stored() {
        return store;
    }

    @Override
    protected ConnectionStore store() {
        return store;
    }
}
