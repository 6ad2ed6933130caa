package health.wearables.domain;

import java.util.Base64;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The single-use OAuth {@code state}: 256 bits from the injected CSPRNG, base64url without padding (43 characters).
 * Anything of another length or alphabet is refused before any store is asked.
 */
public record StateToken(String value) implements FlowKey {
    public static final int BYTES = 32;
    public static final int LENGTH = 43;
    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9_-]{" + LENGTH + "}");

    public StateToken {
        if (value == null || !SYNTAX.matcher(value).matches()) {
            throw new IllegalArgumentException("state is not " + LENGTH + " base64url characters");
        }
    }

    public static StateToken mint(RandomGenerator random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new StateToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    @Override
    public String namespace() {
        return "state";
    }

    /** SHA-256 of the state, hex: the only form in which a state is used as a storage key. */
    @Override
    public String fingerprint() {
        return Hashing.sha256Hex(value);
    }

    @Override
    public <R> R fold(Function<? super StateToken, R> onState, Function<? super Oauth1Token, R> onTemporaryToken) {
        return onState.apply(this);
    }

    @Override
    public String toString() {
        return Redacted.of("StateToken");
    }
}
