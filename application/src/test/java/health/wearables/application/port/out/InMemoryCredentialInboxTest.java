package health.wearables.application.port.out;

import java.time.Clock;

class InMemoryCredentialInboxTest extends CredentialInboxContract {
    private final InMemoryCredentialInbox inbox = new InMemoryCredentialInbox(Clock.systemUTC());

    @Override
    protected CredentialInbox inbox() {
        return inbox;
    }
}
