package health.wearables.application.port.out;

class InMemoryReauthMarksTest extends ReauthMarksContract {
    private final InMemoryConnectionStore store = new InMemoryConnectionStore();

    @Override
    protected ReauthMarks marks() {
        return store;
    }

    @Override
    protected ConnectionStore store() {
        return store;
    }
}
