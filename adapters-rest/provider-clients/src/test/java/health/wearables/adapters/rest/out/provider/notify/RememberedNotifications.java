package health.wearables.adapters.rest.out.provider.notify;

import health.wearables.application.port.out.LeaseUnavailable;
import health.wearables.application.port.out.SeenNotifications;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An in-memory replay memory for the readers' tests: remembers every fingerprint for ever, or is unreachable. */
final class RememberedNotifications implements SeenNotifications {
    private final Set<String> seen = new HashSet<>();
    private final List<Duration> keptFor = new ArrayList<>();
    private boolean unreachable;

    @Override
    public synchronized boolean firstTime(String fingerprint, Duration keepFor) {
        if (unreachable) {
            throw new LeaseUnavailable("replay memory unreachable (test)", null);
        }
        keptFor.add(keepFor);
        return seen.add(fingerprint);
    }

    @Override
    public synchronized void forget(String fingerprint) {
        if (unreachable) {
            throw new LeaseUnavailable("replay memory unreachable (test)", null);
        }
        seen.remove(fingerprint);
    }

    synchronized Set<String> fingerprints() {
        return Set.copyOf(seen);
    }

    synchronized List<Duration> keptFor() {
        return List.copyOf(keptFor);
    }

    synchronized void becomeUnreachable() {
        unreachable = true;
    }
}
