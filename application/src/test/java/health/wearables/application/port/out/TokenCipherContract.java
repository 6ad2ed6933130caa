package health.wearables.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.wearables.application.port.out.TokenCipher.TokenKind;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.PatientId;
import health.wearables.domain.SealedToken;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What every {@link TokenCipher} must do. */
public abstract class TokenCipherContract {

    protected abstract TokenCipher cipher();

    @Test
    void a_sealed_token_opens_for_its_own_connection_and_kind() {
        ConnectionKey key = Samples.connectionKey();
        SealedToken sealed = cipher().seal(key, TokenKind.ACCESS, "at-123");

        assertThat(cipher().open(key, TokenKind.ACCESS, sealed)).isEqualTo("at-123");
    }

    @Test
    void a_sealed_token_does_not_open_for_another_connection_or_kind() {
        ConnectionKey key = Samples.connectionKey();
        SealedToken sealed = cipher().seal(key, TokenKind.ACCESS, "at-123");
        ConnectionKey otherPatient = new ConnectionKey(key.project(), new PatientId("someone-else"), key.provider());

        assertThatThrownBy(() -> cipher().open(otherPatient, TokenKind.ACCESS, sealed))
                .isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> cipher().open(key, TokenKind.REFRESH, sealed)).isInstanceOf(SecurityException.class);
    }

    @Test
    void an_altered_ciphertext_does_not_open() {
        ConnectionKey key = Samples.connectionKey();
        byte[] bytes = cipher().seal(key, TokenKind.ACCESS, "at-123").ciphertext();
        bytes[bytes.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher().open(key, TokenKind.ACCESS, new SealedToken(bytes, 1)))
                .isInstanceOf(SecurityException.class);
    }

    @Test
    void the_ciphertext_does_not_contain_the_token() {
        ConnectionKey key = Samples.connectionKey();
        SealedToken sealed = cipher().seal(key, TokenKind.ACCESS, "plain-token-value-0123456789");

        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("plain-token-value");
    }
}
