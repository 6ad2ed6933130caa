package health.wearables.domain;

import java.util.Arrays;

/** A token as AEAD ciphertext, with the id of the key that sealed it. Only this form is ever stored. */
@SuppressWarnings("ArrayRecordComponent") // copied in and out; equals, hashCode and toString below use its content
public record SealedToken(byte[] ciphertext, long keyId) {
    public SealedToken {
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedToken that && keyId == that.keyId && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ciphertext) + Long.hashCode(keyId);
    }

    @Override
    public String toString() {
        return "SealedToken[keyId=" + keyId + ", " + ciphertext.length + " bytes]";
    }
}
