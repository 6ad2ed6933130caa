package health.wearables.adapters.rest.out.provider.oauth1;

import java.nio.charset.StandardCharsets;

/**
 * RFC 5849 §3.6 percent-encoding: UTF-8 octets, the RFC 3986 unreserved characters ({@code ALPHA DIGIT - . _ ~})
 * as they are, every other octet as {@code %XX} in upper-case hexadecimal. Unlike form encoding, a space is
 * {@code %20} (never {@code +}) and {@code *} is encoded.
 */
public final class PercentEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {}

    public static String encode(String text) {
        byte[] octets = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder encoded = new StringBuilder(octets.length * 3);
        for (byte octet : octets) {
            int b = octet & 0xFF;
            if (unreserved(b)) {
                encoded.append((char) b);
            } else {
                encoded.append('%').append(HEX[b >> 4]).append(HEX[b & 0x0F]);
            }
        }
        return encoded.toString();
    }

    private static boolean unreserved(int b) {
        return (b >= 'A' && b <= 'Z')
                || (b >= 'a' && b <= 'z')
                || (b >= '0' && b <= '9')
                || b == '-'
                || b == '.'
                || b == '_'
                || b == '~';
    }
}
