package health.wearables.application.port.out;

import health.wearables.domain.ConnectionKey;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.SealedCredentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The credential inbox in a map, one entry per connection, expiry by the given clock; can be switched off. */
public final class InMemoryCredentialInbox implements CredentialInbox {
    private record Entry(SealedCredentials credentials, Instant expiresAt) {}

    private final Map<ConnectionKey, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile boolean available = true;

    public InMemoryCredentialInbox(Clock clock) {
        this.clock = clock;
    }

    public void setAvailable(boolean available) {
        this.available = available;
    }

    /** What the inbox holds now, whatever its availability: for assertions. */
    public List<SealedCredentials> contents() {
        return live().toList();
    }

    @Override
    public void hold(SealedCredentials credentials, Duration ttl) {
        checkAvailable();
        entries.put(credentials.key(), new Entry(credentials, clock.instant().plus(ttl)));
    }

    @Override
    public List<SealedCredentials> held(ProjectId project, Optional<PatientId> patient) {
        checkAvailable();
        return live().filter(credentials -> credentials.key().project().equals(project))
                .filter(credentials ->
                        patient.map(credentials.key().patient()::equals).orElse(true))
                .toList();
    }

    @Override
    public List<SealedCredentials> waiting(int max) {
        checkAvailable();
        return live().limit(max).toList();
    }

    @Override
    public synchronized void remove(SealedCredentials written) {
        checkAvailable();
        entries.computeIfPresent(
                written.key(), (key, entry) -> entry.credentials().equals(written) ? null : entry);
    }

    private java.util.stream.Stream<SealedCredentials> live() {
        Instant now = clock.instant();
        return entries.values().stream()
                .filter(entry -> now.isBefore(entry.expiresAt()))
                .map(Entry::credentials)
                .sorted(Comparator.comparing(credentials -> credentials.key().canonical()));
    }

    private void checkAvailable() {
        if (!available) {
            throw new CredentialInboxUnavailable("in-memory credential inbox switched off", null);
        }
    }
}
