package health.wearables.domain.lifecycle;

import java.util.Objects;

/**
 * What asking a provider to revoke a grant came to. Only {@link Failed} with {@code retryable} is asked again: a
 * provider that offers no revocation, or that answers that the grant is already gone, is done with.
 */
public sealed interface RevocationOutcome {

    /** The provider confirmed the revocation (or answered that the grant was already gone: RFC 7009 §2.2). */
    record Revoked() implements RevocationOutcome {}

    /** The provider offers no way to revoke a grant; the local end is all there is. */
    record NotOffered() implements RevocationOutcome {}

    /**
     * The provider could not be reached, failed, or refused in a way that may pass. The reason is the gateway's own
     * words (a status, a timeout); it never quotes the provider's body.
     */
    record Failed(String reason, boolean retryable) implements RevocationOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The label metrics and records use: {@code revoked}, {@code not_offered}, {@code failed}. */
    default String label() {
        if (this instanceof Revoked) {
            return "revoked";
        }
        return this instanceof NotOffered ? "not_offered" : "failed";
    }
}
