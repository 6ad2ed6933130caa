package health.wearables.application.port.out;

import java.time.Clock;

class InMemoryLeasesTest extends LeasesContract {
    private final InMemoryLeases leases = new InMemoryLeases(Clock.systemUTC());

    @Override
    protected Leases leases() {
        return leases;
    }
}
