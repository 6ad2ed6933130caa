package health.wearables.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.ConnectionKey;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.StoredConnection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SyncMarks} must do; run against the in-memory fake and against the FHIR store. The connections
 * are saved through the same store's {@link ConnectionStore}.
 */
public abstract class SyncMarksContract {

    protected abstract SyncMarks marks();

    /** The same store, where the connections under test are saved. */
    protected abstract ConnectionStore store();

    protected TokenCipher cipher() {
        return new ReversibleTokenCipher();
    }

    private SealedCredentials credentials(ConnectionKey key, String access, Optional<String> refresh) {
        return Samples.sealed(cipher(), key, access, refresh);
    }

    @Test
    void a_connection_marked_for_its_initial_sync_is_handed_out_until_the_mark_is_cleared() {
        ConnectionKey key = Samples.connectionKey();
        StoredConnection stored = store().save(credentials(key, "access-m", Optional.of("refresh-m")))
                .connection();

        marks().markSyncPending(key);

        assertThat(marks().syncPending(10_000))
                .filteredOn(connection -> connection.key().equals(key))
                .singleElement()
                .satisfies(connection -> assertThat(connection.endpointId()).isEqualTo(stored.endpointId()));
        marks().clearSyncPending(key);
        assertThat(marks().syncPending(10_000))
                .noneMatch(connection -> connection.key().equals(key));
    }

    @Test
    void marking_twice_is_one_mark_and_clearing_twice_is_harmless() {
        ConnectionKey key = Samples.connectionKey();
        store().save(credentials(key, "access-t", Optional.empty()));

        marks().markSyncPending(key);
        marks().markSyncPending(key);

        assertThat(marks().syncPending(10_000))
                .filteredOn(connection -> connection.key().equals(key))
                .hasSize(1);
        marks().clearSyncPending(key);
        marks().clearSyncPending(key);
        assertThat(marks().syncPending(10_000))
                .noneMatch(connection -> connection.key().equals(key));
    }

    @Test
    void a_connection_that_is_not_stored_cannot_be_marked() {
        ConnectionKey key = Samples.connectionKey();

        marks().markSyncPending(key);

        assertThat(marks().syncPending(10_000))
                .noneMatch(connection -> connection.key().equals(key));
    }

    @Test
    void unmarked_connections_are_not_handed_out_and_the_limit_holds() {
        ConnectionKey unmarked = Samples.connectionKey();
        store().save(credentials(unmarked, "access-u", Optional.empty()));
        List<ConnectionKey> marked = List.of(Samples.connectionKey(), Samples.connectionKey(), Samples.connectionKey());
        marked.forEach(key -> {
            store().save(credentials(key, "access-l", Optional.empty()));
            marks().markSyncPending(key);
        });

        assertThat(marks().syncPending(10_000))
                .noneMatch(connection -> connection.key().equals(unmarked));
        assertThat(marks().syncPending(2)).hasSize(2);
        marked.forEach(marks()::clearSyncPending);
    }
}
