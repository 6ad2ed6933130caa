package health.wearables.adapters.rest.out.provider.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMACs the providers sign with, and the constant-time comparison of a received signature with ours. A received
 * signature is decoded first (hex in either case, or base64) and the bytes are compared, so a signature's spelling
 * does not matter and its content is never compared character by character.
 */
final class Signatures {
    static final String SHA256 = "HmacSHA256";
    static final String SHA1 = "HmacSHA1";
    /** No provider's signature header is anywhere near this long; a longer one is not decoded. */
    private static final int MAX_SIGNATURE_LENGTH = 512;

    private Signatures() {}

    /** The HMAC of the parts, one after the other, keyed with the UTF-8 bytes of {@code key}. */
    static byte[] hmac(String algorithm, String key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A hex signature (upper or lower case) as bytes; empty when it is not hex. */
    static Optional<byte[]> fromHex(String signature) {
        String text = signature.strip();
        if (text.isEmpty() || text.length() > MAX_SIGNATURE_LENGTH || text.length() % 2 != 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(HexFormat.of().parseHex(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A base64 signature as bytes; empty when it is not base64. */
    static Optional<byte[]> fromBase64(String signature) {
        String text = signature.strip();
        if (text.isEmpty() || text.length() > MAX_SIGNATURE_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the two are equal, in time that does not depend on where they differ. */
    static boolean same(byte[] expected, byte[] received) {
        return MessageDigest.isEqual(expected, received);
    }

    /** The same for two texts (verify tokens), compared as UTF-8 bytes. */
    static boolean same(String expected, String received) {
        return MessageDigest.isEqual(utf8(expected), utf8(received));
    }

    /** How a verified signature is remembered against replays: not secret, but not the provider's spelling either. */
    static String fingerprint(String provider, byte[] mac) {
        return provider + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }
}
