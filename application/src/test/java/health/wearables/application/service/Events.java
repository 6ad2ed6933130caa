package health.wearables.application.service;

import health.wearables.application.port.out.InMemoryEventOutbox;
import java.security.SecureRandom;

/** The reporting of events into an in-memory outbox, for the use cases' tests. */
final class Events {
    private Events() {}

    static Reporting into(InMemoryEventOutbox outbox) {
        return new Reporting(outbox, outbox, new EventIds(new SecureRandom()));
    }

    /** Into an outbox nobody looks at. */
    static Reporting discarded() {
        return into(new InMemoryEventOutbox());
    }
}
