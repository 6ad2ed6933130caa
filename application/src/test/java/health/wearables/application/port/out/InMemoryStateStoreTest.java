package health.wearables.application.port.out;

import java.time.Clock;

class InMemoryStateStoreTest extends StateStoreContract {
    private final InMemoryStateStore store = new InMemoryStateStore(Clock.systemUTC());

    @Override
    protected StateStore store() {
        return store;
    }
}
