package health.wearables.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.TokenCipher.TokenKind;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.SealedCredentials;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StoredCredentials} must do; run against the in-memory fake and against the FHIR store. The
 * connections are saved through the same store's {@link ConnectionStore}.
 */
public abstract class StoredCredentialsContract {

    protected abstract StoredCredentials stored();

    /** The same store, where the connections under test are saved. */
    protected abstract ConnectionStore store();

    protected TokenCipher cipher() {
        return new ReversibleTokenCipher();
    }

    private SealedCredentials credentials(ConnectionKey key, String access, Optional<String> refresh) {
        return Samples.sealed(cipher(), key, access, refresh);
    }

    @Test
    void the_stored_ciphertexts_open_to_the_saved_tokens() {
        ConnectionKey key = Samples.connectionKey();
        store().save(credentials(key, "access-2", Optional.of("refresh-2")));

        SealedCredentials found = stored().find(key).orElseThrow();

        assertThat(cipher().open(key, TokenKind.ACCESS, found.accessToken())).isEqualTo("access-2");
        assertThat(cipher().open(key, TokenKind.REFRESH, found.refreshToken().orElseThrow()))
                .isEqualTo("refresh-2");
        assertThat(found.providerUserId()).contains("user-7");
    }

    @Test
    void every_saved_connection_is_among_the_keys() {
        ConnectionKey first = Samples.connectionKey();
        ConnectionKey second = Samples.connectionKey();
        store().save(credentials(first, "access-1", Optional.empty()));
        store().save(credentials(second, "access-2", Optional.empty()));

        assertThat(stored().keys()).contains(first, second).doesNotHaveDuplicates();
    }

    @Test
    void a_replace_against_what_is_stored_writes_the_replacement() {
        ConnectionKey key = Samples.connectionKey();
        store().save(credentials(key, "access-1", Optional.of("refresh-1")));
        SealedCredentials stored = stored().find(key).orElseThrow();
        SealedCredentials replacement = credentials(key, "access-1-resealed", Optional.of("refresh-1-resealed"));

        assertThat(stored().replace(stored, replacement)).isTrue();

        SealedCredentials found = stored().find(key).orElseThrow();
        assertThat(cipher().open(key, TokenKind.ACCESS, found.accessToken())).isEqualTo("access-1-resealed");
        assertThat(store().list(key.project(), Optional.of(key.patient()))).hasSize(1);
    }

    @Test
    void a_replace_against_credentials_a_reconnect_has_changed_writes_nothing() {
        ConnectionKey key = Samples.connectionKey();
        store().save(credentials(key, "access-1", Optional.of("refresh-1")));
        SealedCredentials stale = stored().find(key).orElseThrow();
        store().save(credentials(key, "access-2", Optional.of("refresh-2")));

        assertThat(stored().replace(stale, credentials(key, "access-1-resealed", Optional.empty())))
                .isFalse();
        assertThat(cipher().open(
                                key,
                                TokenKind.ACCESS,
                                stored().find(key).orElseThrow().accessToken()))
                .isEqualTo("access-2");
    }

    @Test
    void a_replace_of_an_unknown_connection_writes_nothing() {
        ConnectionKey key = Samples.connectionKey();
        SealedCredentials never = credentials(key, "access-1", Optional.empty());

        assertThat(stored().replace(never, never)).isFalse();
        assertThat(stored().find(key)).isEmpty();
    }
}
