package health.wearables.application.port.out;

class InMemoryHeldEventsTest extends HeldEventsContract {
    private final InMemoryHeldEvents held = new InMemoryHeldEvents();

    @Override
    protected HeldEvents held() {
        return held;
    }
}
