package health.wearables.application.port.out;

class InMemorySyncMarksTest extends SyncMarksContract {
    private final InMemoryConnectionStore store = new InMemoryConnectionStore();

    @Override
    protected SyncMarks marks() {
        return store;
    }

    @Override
    protected ConnectionStore store() {
        return store;
    }
}
