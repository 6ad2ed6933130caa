package health.wearables.application.port.out;

class InMemoryConnectionEndingTest extends ConnectionEndingContract {
    private final InMemoryConnectionStore store = new InMemoryConnectionStore();

    @Override
    protected ConnectionEnding ending() {
        return store;
    }

    @Override
    protected ConnectionStore store() {
        return store;
    }

    @Override
    protected StoredCredentials credentials() {
        return store;
    }
}
