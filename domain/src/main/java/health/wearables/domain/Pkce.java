package health.wearables.domain;

import java.util.Optional;
import java.util.random.RandomGenerator;

/** Whether the authorization code flow with a provider uses PKCE (RFC 7636); the challenge is always S256. */
public enum Pkce {
    /** A verifier is minted at connect, its S256 challenge sent with the authorization, itself with the code. */
    S256,
    /** No PKCE: the provider does not support it, or the flow is OAuth 1.0a. */
    NONE;

    /** The verifier to remember for this authorization, if PKCE is used. */
    public Optional<PkceVerifier> mint(RandomGenerator random) {
        return switch (this) {
            case S256 -> Optional.of(PkceVerifier.mint(random));
            case NONE -> Optional.empty();
        };
    }

    /** Whether a token request must carry a verifier. */
    public boolean needsVerifier() {
        return switch (this) {
            case S256 -> true;
            case NONE -> false;
        };
    }
}
