package health.wearables.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.TokenCipher.TokenKind;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.ConnectionStatus;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.StoredConnection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link ConnectionStore} must do; run against the in-memory fake and against the FHIR store. */
public abstract class ConnectionStoreContract {

    protected abstract ConnectionStore store();

    protected TokenCipher cipher() {
        return new ReversibleTokenCipher();
    }

    private SealedCredentials credentials(ConnectionKey key, String access, Optional<String> refresh) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new SealedCredentials(key,
                cipher().seal(key, TokenKind.ACCESS, access),
                refresh.map(r -> cipher().seal(key, TokenKind.REFRESH, r)), Optional.empty(),
                Optional.of(now.plusSeconds(3600)), List.of("activity", "sleep"), Optional.of("user-7"), now);
    }

    @Test
    void a_saved_connection_is_listed_for_its_project_without_tokens() {
        ConnectionKey key = Samples.connectionKey();
        SealedCredentials saved = credentials(key, "access-1", Optional.of("refresh-1"));

        StoredConnection stored = store().save(saved);

        assertThat(stored.key()).isEqualTo(key);
        assertThat(stored.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(stored.endpointId()).isNotBlank();
        assertThat(store().list(key.project(), Optional.empty())).singleElement().satisfies(listed -> {
            assertThat(listed.key()).isEqualTo(key);
            assertThat(listed.endpointId()).isEqualTo(stored.endpointId());
            assertThat(listed.scopes()).containsExactly("activity", "sleep");
            assertThat(listed.accessTokenExpiresAt()).isEqualTo(saved.accessTokenExpiresAt());
            assertThat(listed.connectedAt()).isEqualTo(saved.connectedAt());
        });
    }

    @Test
    void the_stored_ciphertexts_open_to_the_saved_tokens() {
        ConnectionKey key = Samples.connectionKey();
        store().save(credentials(key, "access-2", Optional.of("refresh-2")));

        SealedCredentials found = store().find(key).orElseThrow();

        assertThat(cipher().open(key, TokenKind.ACCESS, found.accessToken())).isEqualTo("access-2");
        assertThat(cipher().open(key, TokenKind.REFRESH, found.refreshToken().orElseThrow())).isEqualTo("refresh-2");
        assertThat(found.providerUserId()).contains("user-7");
    }

    @Test
    void a_reconnect_updates_the_same_connection() {
        ConnectionKey key = Samples.connectionKey();
        StoredConnection first = store().save(credentials(key, "access-a", Optional.of("refresh-a")));
        StoredConnection second = store().save(credentials(key, "access-b", Optional.of("refresh-b")));

        assertThat(second.endpointId()).isEqualTo(first.endpointId());
        assertThat(store().list(key.project(), Optional.empty())).hasSize(1);
        assertThat(cipher().open(key, TokenKind.ACCESS, store().find(key).orElseThrow().accessToken())).isEqualTo("access-b");
    }

    @Test
    void a_reconnect_without_refresh_token_keeps_the_stored_one() {
        ConnectionKey key = Samples.connectionKey();
        store().save(credentials(key, "access-a", Optional.of("refresh-a")));
        store().save(credentials(key, "access-b", Optional.empty()));

        SealedCredentials found = store().find(key).orElseThrow();
        assertThat(cipher().open(key, TokenKind.ACCESS, found.accessToken())).isEqualTo("access-b");
        assertThat(cipher().open(key, TokenKind.REFRESH, found.refreshToken().orElseThrow())).isEqualTo("refresh-a");
    }

    @Test
    void oauth1_token_credentials_keep_their_sealed_secret_and_a_reconnect_replaces_it() {
        ConnectionKey key = new ConnectionKey(new ProjectId(Samples.unique("project")),
                new PatientId(Samples.unique("patient")), new ProviderSlug("garmin-legacy"));
        store().save(oauth1Credentials(key, "token-a", "secret-a"));
        store().save(oauth1Credentials(key, "token-b", "secret-b"));

        SealedCredentials found = store().find(key).orElseThrow();
        assertThat(cipher().open(key, TokenKind.ACCESS, found.accessToken())).isEqualTo("token-b");
        assertThat(cipher().open(key, TokenKind.TOKEN_SECRET, found.tokenSecret().orElseThrow())).isEqualTo("secret-b");
        assertThat(found.refreshToken()).isEmpty();
        assertThat(found.accessTokenExpiresAt()).isEmpty();
        assertThat(store().list(key.project(), Optional.of(key.patient()))).hasSize(1);
    }

    private SealedCredentials oauth1Credentials(ConnectionKey key, String token, String secret) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new SealedCredentials(key, cipher().seal(key, TokenKind.ACCESS, token), Optional.empty(),
                Optional.of(cipher().seal(key, TokenKind.TOKEN_SECRET, secret)), Optional.empty(), List.of(),
                Optional.of("user-" + token), now);
    }

    @Test
    void every_saved_connection_is_among_the_keys() {
        ConnectionKey first = Samples.connectionKey();
        ConnectionKey second = Samples.connectionKey();
        store().save(credentials(first, "access-1", Optional.empty()));
        store().save(credentials(second, "access-2", Optional.empty()));

        assertThat(store().keys()).contains(first, second).doesNotHaveDuplicates();
    }

    @Test
    void a_replace_against_what_is_stored_writes_the_replacement() {
        ConnectionKey key = Samples.connectionKey();
        store().save(credentials(key, "access-1", Optional.of("refresh-1")));
        SealedCredentials stored = store().find(key).orElseThrow();
        SealedCredentials replacement = credentials(key, "access-1-resealed", Optional.of("refresh-1-resealed"));

        assertThat(store().replace(stored, replacement)).isTrue();

        SealedCredentials found = store().find(key).orElseThrow();
        assertThat(cipher().open(key, TokenKind.ACCESS, found.accessToken())).isEqualTo("access-1-resealed");
        assertThat(store().list(key.project(), Optional.of(key.patient()))).hasSize(1);
    }

    @Test
    void a_replace_against_credentials_a_reconnect_has_changed_writes_nothing() {
        ConnectionKey key = Samples.connectionKey();
        store().save(credentials(key, "access-1", Optional.of("refresh-1")));
        SealedCredentials stale = store().find(key).orElseThrow();
        store().save(credentials(key, "access-2", Optional.of("refresh-2")));

        assertThat(store().replace(stale, credentials(key, "access-1-resealed", Optional.empty()))).isFalse();
        assertThat(cipher().open(key, TokenKind.ACCESS, store().find(key).orElseThrow().accessToken()))
                .isEqualTo("access-2");
    }

    @Test
    void a_replace_of_an_unknown_connection_writes_nothing() {
        ConnectionKey key = Samples.connectionKey();
        SealedCredentials never = credentials(key, "access-1", Optional.empty());

        assertThat(store().replace(never, never)).isFalse();
        assertThat(store().find(key)).isEmpty();
    }

    @Test
    void projects_and_patients_see_only_their_own() {
        ConnectionKey key = Samples.connectionKey();
        ConnectionKey samePatientOtherProvider = new ConnectionKey(key.project(), key.patient(), new ProviderSlug("oura"));
        ConnectionKey otherPatient = new ConnectionKey(key.project(), new PatientId(Samples.unique("patient")), key.provider());
        store().save(credentials(key, "a", Optional.empty()));
        store().save(credentials(samePatientOtherProvider, "b", Optional.empty()));
        store().save(credentials(otherPatient, "c", Optional.empty()));

        assertThat(store().list(key.project(), Optional.empty())).hasSize(3);
        assertThat(store().list(key.project(), Optional.of(key.patient())))
                .extracting(StoredConnection::key).containsExactlyInAnyOrder(key, samePatientOtherProvider);
        assertThat(store().list(new ProjectId(Samples.unique("other")), Optional.empty())).isEmpty();
        assertThat(store().find(new ConnectionKey(new ProjectId(Samples.unique("other")), key.patient(), key.provider()))).isEmpty();
    }

    // The initial sync, recorded for a retry

    @Test
    void a_connection_marked_for_its_initial_sync_is_handed_out_until_the_mark_is_cleared() {
        ConnectionKey key = Samples.connectionKey();
        StoredConnection stored = store().save(credentials(key, "access-m", Optional.of("refresh-m")));

        store().markSyncPending(key);

        assertThat(store().syncPending(10_000)).filteredOn(connection -> connection.key().equals(key))
                .singleElement().satisfies(connection -> assertThat(connection.endpointId()).isEqualTo(stored.endpointId()));
        store().clearSyncPending(key);
        assertThat(store().syncPending(10_000)).noneMatch(connection -> connection.key().equals(key));
    }

    @Test
    void marking_twice_is_one_mark_and_clearing_twice_is_harmless() {
        ConnectionKey key = Samples.connectionKey();
        store().save(credentials(key, "access-t", Optional.empty()));

        store().markSyncPending(key);
        store().markSyncPending(key);

        assertThat(store().syncPending(10_000)).filteredOn(connection -> connection.key().equals(key)).hasSize(1);
        store().clearSyncPending(key);
        store().clearSyncPending(key);
        assertThat(store().syncPending(10_000)).noneMatch(connection -> connection.key().equals(key));
    }

    @Test
    void a_connection_that_is_not_stored_cannot_be_marked() {
        ConnectionKey key = Samples.connectionKey();

        store().markSyncPending(key);

        assertThat(store().syncPending(10_000)).noneMatch(connection -> connection.key().equals(key));
    }

    @Test
    void unmarked_connections_are_not_handed_out_and_the_limit_holds() {
        ConnectionKey unmarked = Samples.connectionKey();
        store().save(credentials(unmarked, "access-u", Optional.empty()));
        List<ConnectionKey> marked = List.of(Samples.connectionKey(), Samples.connectionKey(), Samples.connectionKey());
        marked.forEach(key -> {
            store().save(credentials(key, "access-l", Optional.empty()));
            store().markSyncPending(key);
        });

        assertThat(store().syncPending(10_000)).noneMatch(connection -> connection.key().equals(unmarked));
        assertThat(store().syncPending(2)).hasSize(2);
        marked.forEach(store()::clearSyncPending);
    }
}
