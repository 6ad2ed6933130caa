package health.wearables.application.port.out;

import java.time.Clock;

class InMemoryConnectSessionsTest extends ConnectSessionsContract {
    private final InMemoryConnectSessions sessions = new InMemoryConnectSessions(Clock.systemUTC());

    @Override
    protected ConnectSessions sessions() {
        return sessions;
    }
}
