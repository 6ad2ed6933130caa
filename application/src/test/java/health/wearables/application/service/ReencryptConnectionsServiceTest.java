package health.wearables.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.in.ReencryptConnections.Report;
import health.wearables.application.port.out.InMemoryConnectionStore;
import health.wearables.application.port.out.ReversibleTokenCipher;
import health.wearables.application.port.out.Samples;
import health.wearables.application.port.out.StoredCredentials;
import health.wearables.application.port.out.TokenCipher.TokenKind;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.SealedToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReencryptConnectionsServiceTest {
    private static final Instant CONNECTED = Instant.parse("2026-11-01T08:00:00Z");

    private final ReversibleTokenCipher cipher = new ReversibleTokenCipher();
    private final InMemoryConnectionStore store = new InMemoryConnectionStore();
    private final ReencryptConnectionsService pass = new ReencryptConnectionsService(store, cipher);

    private SealedCredentials saved(ConnectionKey key, String access, Optional<String> refresh) {
        SealedCredentials credentials = new SealedCredentials(
                key,
                cipher.seal(key, TokenKind.ACCESS, access),
                refresh.map(r -> cipher.seal(key, TokenKind.REFRESH, r)),
                Optional.empty(),
                Optional.of(CONNECTED.plusSeconds(3600)),
                List.of("activity"),
                Optional.of("user-1"),
                CONNECTED);
        store.save(credentials);
        return credentials;
    }

    @Test
    void tokens_under_an_old_key_move_to_the_primary_and_nothing_else_changes() {
        ConnectionKey key = Samples.connectionKey();
        SealedCredentials before = saved(key, "access-1", Optional.of("refresh-1"));
        cipher.rotate();

        Report report = pass.run();

        assertThat(report).isEqualTo(new Report(1, 1, 0, 0, 0));
        SealedCredentials after = store.find(key).orElseThrow();
        assertThat(after.accessToken().keyId()).isEqualTo(cipher.primaryKeyId());
        assertThat(after.refreshToken().map(SealedToken::keyId)).contains(cipher.primaryKeyId());
        assertThat(cipher.open(key, TokenKind.ACCESS, after.accessToken())).isEqualTo("access-1");
        assertThat(cipher.open(key, TokenKind.REFRESH, after.refreshToken().orElseThrow()))
                .isEqualTo("refresh-1");
        assertThat(after.connectedAt()).isEqualTo(before.connectedAt());
        assertThat(after.scopes()).isEqualTo(before.scopes());
        assertThat(after.accessTokenExpiresAt()).isEqualTo(before.accessTokenExpiresAt());
    }

    @Test
    void a_second_pass_finds_everything_current() {
        saved(Samples.connectionKey(), "a", Optional.empty());
        saved(Samples.connectionKey(), "b", Optional.of("r"));
        cipher.rotate();
        pass.run();

        assertThat(pass.run()).isEqualTo(new Report(2, 0, 2, 0, 0));
    }

    @Test
    void a_connection_whose_tokens_do_not_open_is_counted_and_left_as_it_was() {
        ConnectionKey key = Samples.connectionKey();
        ConnectionKey other = Samples.connectionKey();
        SealedCredentials foreign = new SealedCredentials(
                key,
                cipher.seal(other, TokenKind.ACCESS, "x"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                CONNECTED);
        store.save(foreign);
        cipher.rotate();

        assertThat(pass.run()).isEqualTo(new Report(1, 0, 0, 0, 1));
        assertThat(store.find(key)).contains(foreign);
    }

    @Test
    void a_reconnect_during_the_pass_wins() {
        ConnectionKey key = Samples.connectionKey();
        saved(key, "old", Optional.empty());
        cipher.rotate();
        StoredCredentials racing = new StoredCredentials() {
            @Override
            public boolean replace(SealedCredentials expected, SealedCredentials replacement) {
                store.save(new SealedCredentials(
                        key,
                        cipher.seal(key, TokenKind.ACCESS, "reconnected"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        List.of(),
                        Optional.empty(),
                        CONNECTED));
                return store.replace(expected, replacement);
            }

            @Override
            public List<ConnectionKey> keys() {
                return store.keys();
            }

            @Override
            public Optional<SealedCredentials> find(ConnectionKey wanted) {
                return store.find(wanted);
            }
        };

        assertThat(new ReencryptConnectionsService(racing, cipher).run()).isEqualTo(new Report(1, 0, 0, 1, 0));
        assertThat(cipher.open(
                        key, TokenKind.ACCESS, store.find(key).orElseThrow().accessToken()))
                .isEqualTo("reconnected");
    }
}
