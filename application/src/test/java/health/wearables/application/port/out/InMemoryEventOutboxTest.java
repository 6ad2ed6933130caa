package health.wearables.application.port.out;

class InMemoryEventOutboxTest extends EventOutboxContract {
    private final InMemoryEventOutbox outbox = new InMemoryEventOutbox();

    @Override
    protected EventOutbox outbox() {
        return outbox;
    }

    @Override
    protected UnitOfWork units() {
        return outbox;
    }
}
