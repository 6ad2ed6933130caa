package health.wearables.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.ConnectionKey;
import health.wearables.domain.ConnectionStatus;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.StoredConnection;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReauthMarks} must do; run against the in-memory fake (and, with its adapter, against the FHIR
 * store). The connections are saved through the same store's {@link ConnectionStore}.
 */
public abstract class ReauthMarksContract {

    protected abstract ReauthMarks marks();

    /** The same store, where the connections under test are saved and listed. */
    protected abstract ConnectionStore store();

    protected TokenCipher cipher() {
        return new ReversibleTokenCipher();
    }

    private SealedCredentials credentials(ConnectionKey key, String access) {
        return Samples.sealed(cipher(), key, access, Optional.of("refresh-of-" + access));
    }

    private ConnectionStatus statusOf(ConnectionKey key) {
        return store().list(key.project(), Optional.of(key.patient())).stream()
                .filter(connection -> connection.key().equals(key))
                .map(StoredConnection::status)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void a_connection_whose_credentials_were_refused_is_listed_as_reauth_required() {
        ConnectionKey key = Samples.connectionKey();
        SealedCredentials refused = credentials(key, "access-r");
        store().save(refused);

        assertThat(marks().markReauthRequired(refused)).isTrue();

        assertThat(statusOf(key)).isEqualTo(ConnectionStatus.REAUTH_REQUIRED);
    }

    @Test
    void a_reconnect_that_landed_meanwhile_wins_and_stays_active() {
        ConnectionKey key = Samples.connectionKey();
        SealedCredentials refused = credentials(key, "access-old");
        store().save(refused);
        store().save(credentials(key, "access-reconnected"));

        assertThat(marks().markReauthRequired(refused)).isFalse();

        assertThat(statusOf(key)).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void reconnecting_makes_a_marked_connection_active_again() {
        ConnectionKey key = Samples.connectionKey();
        SealedCredentials refused = credentials(key, "access-m");
        store().save(refused);
        marks().markReauthRequired(refused);

        store().save(credentials(key, "access-new"));

        assertThat(statusOf(key)).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void a_connection_that_is_not_stored_is_not_marked() {
        ConnectionKey key = Samples.connectionKey();

        assertThat(marks().markReauthRequired(credentials(key, "access-none"))).isFalse();

        assertThat(store().list(key.project(), Optional.of(key.patient()))).isEmpty();
    }
}
