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
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConnectionStore} must do; run against the in-memory fake and against the FHIR store. What a save
 * wrote is read back through the same store's {@link StoredCredentials}.
 */
public abstract class ConnectionStoreContract {

    protected abstract ConnectionStore store();

    /** The same store, read as stored credentials: how a test sees what a save wrote. */
    protected abstract StoredCredentials stored();

    protected TokenCipher cipher() {
        return new ReversibleTokenCipher();
    }

    private SealedCredentials credentials(ConnectionKey key, String access, Optional<String> refresh) {
        return Samples.sealed(cipher(), key, access, refresh);
    }

    @Test
    void a_saved_connection_is_listed_for_its_project_without_tokens() {
        ConnectionKey key = Samples.connectionKey();
        SealedCredentials saved = credentials(key, "access-1", Optional.of("refresh-1"));

        StoredConnection stored = store().save(saved).connection();

        assertThat(stored.key()).isEqualTo(key);
        assertThat(stored.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(stored.endpointId()).isNotBlank();
        assertThat(store().list(key.project(), Optional.empty()))
                .singleElement()
                .satisfies(listed -> {
                    assertThat(listed.key()).isEqualTo(key);
                    assertThat(listed.endpointId()).isEqualTo(stored.endpointId());
                    assertThat(listed.scopes()).containsExactly("activity", "sleep");
                    assertThat(listed.accessTokenExpiresAt()).isEqualTo(saved.accessTokenExpiresAt());
                    assertThat(listed.connectedAt()).isEqualTo(saved.connectedAt());
                });
    }

    @Test
    void a_reconnect_updates_the_same_connection() {
        ConnectionKey key = Samples.connectionKey();
        ConnectionStore.Saved first = store().save(credentials(key, "access-a", Optional.of("refresh-a")));
        ConnectionStore.Saved second = store().save(credentials(key, "access-b", Optional.of("refresh-b")));

        assertThat(first.reconnect()).isFalse();
        assertThat(second.reconnect()).isTrue();
        assertThat(second.connection().endpointId())
                .isEqualTo(first.connection().endpointId());
        assertThat(store().list(key.project(), Optional.empty())).hasSize(1);
        assertThat(cipher().open(
                                key,
                                TokenKind.ACCESS,
                                stored().find(key).orElseThrow().accessToken()))
                .isEqualTo("access-b");
    }

    @Test
    void a_reconnect_without_refresh_token_keeps_the_stored_one() {
        ConnectionKey key = Samples.connectionKey();
        store().save(credentials(key, "access-a", Optional.of("refresh-a")));
        store().save(credentials(key, "access-b", Optional.empty()));

        SealedCredentials found = stored().find(key).orElseThrow();
        assertThat(cipher().open(key, TokenKind.ACCESS, found.accessToken())).isEqualTo("access-b");
        assertThat(cipher().open(key, TokenKind.REFRESH, found.refreshToken().orElseThrow()))
                .isEqualTo("refresh-a");
    }

    @Test
    void oauth1_token_credentials_keep_their_sealed_secret_and_a_reconnect_replaces_it() {
        ConnectionKey key = new ConnectionKey(
                new ProjectId(Samples.unique("project")),
                new PatientId(Samples.unique("patient")),
                new ProviderSlug("garmin-legacy"));
        store().save(Samples.oauth1Sealed(cipher(), key, "token-a", "secret-a"));
        store().save(Samples.oauth1Sealed(cipher(), key, "token-b", "secret-b"));

        SealedCredentials found = stored().find(key).orElseThrow();
        assertThat(cipher().open(key, TokenKind.ACCESS, found.accessToken())).isEqualTo("token-b");
        assertThat(cipher().open(
                                key, TokenKind.TOKEN_SECRET, found.tokenSecret().orElseThrow()))
                .isEqualTo("secret-b");
        assertThat(found.refreshToken()).isEmpty();
        assertThat(found.accessTokenExpiresAt()).isEmpty();
        assertThat(store().list(key.project(), Optional.of(key.patient()))).hasSize(1);
    }

    @Test
    void projects_and_patients_see_only_their_own() {
        ConnectionKey key = Samples.connectionKey();
        ConnectionKey samePatientOtherProvider =
                new ConnectionKey(key.project(), key.patient(), new ProviderSlug("oura"));
        ConnectionKey otherPatient =
                new ConnectionKey(key.project(), new PatientId(Samples.unique("patient")), key.provider());
        store().save(credentials(key, "a", Optional.empty()));
        store().save(credentials(samePatientOtherProvider, "b", Optional.empty()));
        store().save(credentials(otherPatient, "c", Optional.empty()));

        assertThat(store().list(key.project(), Optional.empty())).hasSize(3);
        assertThat(store().list(key.project(), Optional.of(key.patient())))
                .extracting(StoredConnection::key)
                .containsExactlyInAnyOrder(key, samePatientOtherProvider);
        assertThat(store().list(new ProjectId(Samples.unique("other")), Optional.empty()))
                .isEmpty();
        assertThat(stored().find(new ConnectionKey(
                        new ProjectId(Samples.unique("other")), key.patient(), key.provider())))
                .isEmpty();
    }
}
