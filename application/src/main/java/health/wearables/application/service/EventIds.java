package health.wearables.application.service;

import java.security.SecureRandom;

/**
 * Ids of platform events ({@code webhook-id}): {@code msg_} and 26 characters of a CSPRNG's output in base 32 (130
 * bits), unique without coordination between instances.
 */
public final class EventIds {
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int LENGTH = 26;

    private final SecureRandom random;

    public EventIds(SecureRandom random) {
        this.random = random;
    }

    public String next() {
        StringBuilder id = new StringBuilder("msg_");
        for (int each = 0; each < LENGTH; each++) {
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
