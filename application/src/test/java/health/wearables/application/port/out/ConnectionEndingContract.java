package health.wearables.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.ConnectionEnding.AlreadyEnded;
import health.wearables.application.port.out.ConnectionEnding.Ended;
import health.wearables.application.port.out.ConnectionEnding.NotFound;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.ConnectionStatus;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.StoredConnection;
import health.wearables.domain.lifecycle.EndReason;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConnectionEnding} must do; run against the in-memory fake and the FHIR store. The connections are
 * saved, listed and read through the same store's {@link ConnectionStore} and {@link StoredCredentials}.
 */
public abstract class ConnectionEndingContract {

    protected abstract ConnectionEnding ending();

    protected abstract ConnectionStore store();

    protected abstract StoredCredentials credentials();

    protected TokenCipher cipher() {
        return new ReversibleTokenCipher();
    }

    private SealedCredentials sealed(ConnectionKey key, String access) {
        return Samples.sealed(cipher(), key, access, Optional.of("refresh-of-" + access));
    }

    private StoredConnection listed(ConnectionKey key) {
        return store().list(key.project(), Optional.of(key.patient())).stream()
                .filter(connection -> connection.key().equals(key))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void ending_a_connection_answers_the_credentials_it_held_and_drops_them() {
        ConnectionKey key = Samples.connectionKey();
        SealedCredentials held = sealed(key, "access-e");
        String endpointId = store().save(held).connection().endpointId();

        ConnectionEnding.Ending ending = ending().end(key, EndReason.DISCONNECTED);

        assertThat(ending).isEqualTo(new Ended(endpointId, Optional.of(held)));
        assertThat(credentials().find(key)).isEmpty();
        assertThat(listed(key).status()).isEqualTo(ConnectionStatus.REVOKED);
        assertThat(listed(key).accessTokenExpiresAt()).isEmpty();
    }

    @Test
    void ending_it_again_changes_nothing_and_names_the_first_reason() {
        ConnectionKey key = Samples.connectionKey();
        store().save(sealed(key, "access-twice"));
        ending().end(key, EndReason.DEAUTHORIZED);

        assertThat(ending().end(key, EndReason.DISCONNECTED)).isEqualTo(new AlreadyEnded(EndReason.DEAUTHORIZED));
        assertThat(listed(key).status()).isEqualTo(ConnectionStatus.REVOKED);
    }

    @Test
    void a_connection_never_stored_is_not_found() {
        assertThat(ending().end(Samples.connectionKey(), EndReason.DISCONNECTED))
                .isEqualTo(new NotFound());
    }

    @Test
    void a_retired_connection_is_listed_as_retired() {
        ConnectionKey key = Samples.connectionKey();
        store().save(sealed(key, "access-retired"));

        ending().end(key, EndReason.RETIRED);

        assertThat(listed(key).status()).isEqualTo(ConnectionStatus.RETIRED);
    }

    @Test
    void connecting_again_after_the_end_makes_the_connection_active_with_only_the_new_credentials() {
        ConnectionKey key = Samples.connectionKey();
        store().save(sealed(key, "access-before"));
        ending().end(key, EndReason.DISCONNECTED);
        SealedCredentials again = sealed(key, "access-again");

        assertThat(store().save(again).reconnect())
                .as("connecting again is a reconnect")
                .isTrue();

        assertThat(listed(key).status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(credentials().find(key)).contains(again);
    }

    @Test
    void an_ended_connection_is_not_among_those_waiting_for_their_initial_sync() {
        ConnectionKey key = Samples.connectionKey();
        store().save(sealed(key, "access-marked"));
        if (store() instanceof SyncMarks marks) {
            marks.markSyncPending(key);
            ending().end(key, EndReason.DISCONNECTED);

            assertThat(marks.syncPending(1000))
                    .extracting(StoredConnection::key)
                    .doesNotContain(key);
        }
    }

    @Test
    void the_connections_of_a_provider_user_are_found_whatever_their_status_and_only_that_providers() {
        ConnectionKey first = Samples.connectionKey();
        ConnectionKey second = new ConnectionKey(
                Samples.connectionKey().project(), new PatientId(Samples.unique("p")), first.provider());
        ConnectionKey otherProvider = new ConnectionKey(first.project(), first.patient(), new ProviderSlug("oura"));
        String user = Samples.unique("provider-user");
        store().save(withUser(sealed(first, "a1"), user));
        store().save(withUser(sealed(second, "a2"), user));
        store().save(withUser(sealed(otherProvider, "a3"), user));
        ending().end(second, EndReason.DISCONNECTED);

        assertThat(ending().ofProviderUser(first.provider(), user))
                .extracting(StoredConnection::key)
                .containsExactlyInAnyOrder(first, second);
        assertThat(ending().ofProviderUser(first.provider(), Samples.unique("nobody")))
                .isEmpty();
    }

    private static SealedCredentials withUser(SealedCredentials credentials, String user) {
        return new SealedCredentials(
                credentials.key(),
                credentials.accessToken(),
                credentials.refreshToken(),
                credentials.tokenSecret(),
                credentials.accessTokenExpiresAt(),
                credentials.scopes(),
                Optional.of(user),
                credentials.connectedAt());
    }

    @Test
    void refreshing_or_marking_an_ended_connection_changes_nothing() {
        ConnectionKey key = Samples.connectionKey();
        SealedCredentials held = sealed(key, "access-late");
        store().save(held);
        ending().end(key, EndReason.DISCONNECTED);

        if (credentials() instanceof ReauthMarks marks) {
            assertThat(marks.markReauthRequired(held)).isFalse();
        }
        assertThat(credentials().replace(held, sealed(key, "access-refreshed"))).isFalse();
        assertThat(credentials().find(key)).isEmpty();
        assertThat(listed(key).status()).isEqualTo(ConnectionStatus.REVOKED);
    }
}
