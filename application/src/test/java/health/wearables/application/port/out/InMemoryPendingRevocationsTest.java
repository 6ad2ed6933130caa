package health.wearables.application.port.out;

class InMemoryPendingRevocationsTest extends PendingRevocationsContract {
    private final InMemoryPendingRevocations revocations = new InMemoryPendingRevocations();

    @Override
    protected PendingRevocations revocations() {
        return revocations;
    }
}
