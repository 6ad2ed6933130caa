package health.wearables.adapters.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import health.wearables.application.port.out.Samples;
import health.wearables.application.port.out.TokenCipher;
import health.wearables.application.port.out.TokenCipher.TokenKind;
import health.wearables.application.port.out.TokenCipherContract;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.SealedToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TinkTokenCipherTest extends TokenCipherContract {
    private final KeysetHandle keyset = generate();
    private final TinkTokenCipher cipher = new TinkTokenCipher(keyset);

    private static KeysetHandle generate() {
        try {
            return TokenKeysets.generate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected TokenCipher cipher() {
        return cipher;
    }

    @Test
    void the_sealed_token_records_the_id_of_the_primary_key() {
        SealedToken sealed = cipher.seal(Samples.connectionKey(), TokenKind.ACCESS, "at");

        assertThat(sealed.keyId())
                .isEqualTo(Integer.toUnsignedLong(keyset.getPrimary().getId()));
    }

    @Test
    void after_rotation_new_tokens_use_the_new_key_and_old_ones_still_open() throws GeneralSecurityException {
        ConnectionKey key = Samples.connectionKey();
        SealedToken old = cipher.seal(key, TokenKind.ACCESS, "old-token");

        KeysetHandle rotated = KeysetHandle.newBuilder(keyset)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId()
                        .makePrimary())
                .build();
        TinkTokenCipher after = new TinkTokenCipher(rotated);
        SealedToken fresh = after.seal(key, TokenKind.ACCESS, "new-token");

        assertThat(fresh.keyId()).isNotEqualTo(old.keyId()).isEqualTo(after.primaryKeyId());
        assertThat(after.open(key, TokenKind.ACCESS, old)).isEqualTo("old-token");
        assertThat(after.open(key, TokenKind.ACCESS, fresh)).isEqualTo("new-token");
    }

    @Test
    void a_token_sealed_with_a_foreign_keyset_does_not_open() {
        ConnectionKey key = Samples.connectionKey();
        SealedToken foreign = new TinkTokenCipher(generate()).seal(key, TokenKind.ACCESS, "x");

        assertThatThrownBy(() -> cipher.open(key, TokenKind.ACCESS, foreign)).isInstanceOf(SecurityException.class);
    }

    @Test
    void demo_mode_generates_a_keyset_file_once_and_reads_it_back(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/token-keyset.json");
        KeysetHandle first = TokenKeysets.load(Optional.empty(), file, true);
        KeysetHandle second = TokenKeysets.load(Optional.empty(), file, true);

        assertThat(Files.exists(file)).isTrue();
        assertThat(second.getPrimary().getId()).isEqualTo(first.getPrimary().getId());
        ConnectionKey key = Samples.connectionKey();
        SealedToken sealed = new TinkTokenCipher(first).seal(key, TokenKind.REFRESH, "rt");
        assertThat(new TinkTokenCipher(second).open(key, TokenKind.REFRESH, sealed))
                .isEqualTo("rt");
    }

    @Test
    void outside_demo_mode_a_missing_keyset_stops_the_start(@TempDir Path dir) {
        assertThatThrownBy(() -> TokenKeysets.load(Optional.empty(), dir.resolve("none.json"), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wearables.crypto.keyset");
    }

    @Test
    void a_keyset_given_as_json_in_configuration_is_used() throws GeneralSecurityException {
        String json = TokenKeysets.toJson(keyset);
        KeysetHandle loaded = TokenKeysets.load(Optional.of(json), Path.of("/nonexistent"), false);

        assertThat(loaded.getPrimary().getId()).isEqualTo(keyset.getPrimary().getId());
    }
}
