package health.wearables.application.port.out;

import health.wearables.domain.ConnectionKey;
import health.wearables.domain.SealedCredentials;
import java.time.Instant;
import java.util.List;

/**
 * Revocations still owed to a provider: the sealed credentials of a disconnected connection are parked here before the
 * connection store drops them, so that a revocation that fails (or an instance that dies before it asks) is asked again
 * by a later pass. The only place token material of an ended connection lives, until revoked or given up.
 */
public interface PendingRevocations {

    /**
     * Parks (or replaces) the credentials to revoke, parked at {@code parkedAt} (from when {@code retry-for} counts)
     * and first due at {@code due}.
     *
     * @throws LeaseUnavailable when the store cannot be reached; the caller then must not drop the credentials elsewhere
     */
    void park(SealedCredentials credentials, Instant parkedAt, Instant due);

    /**
     * Claims up to {@code max} parked revocations due at {@code now}, the earliest due first: each one returned is due
     * again only at {@code until}, in one atomic step, so two instances passing at once never ask a provider twice for
     * the same grant. The claimer settles it ({@link #retryAt}, {@link #drop}); one that dies first leaves it to be
     * claimed again at {@code until}.
     */
    List<Parked> claimDue(Instant now, int max, Instant until);

    /** Asks again at {@code next}; {@code attempts} is how many asks have failed so far. */
    void retryAt(ConnectionKey key, Instant next, int attempts);

    /**
     * Replaces the parked credentials of that connection with renewed ones (refreshed so that the provider takes the
     * revocation), keeping when it was parked, its attempts and when it is due; nothing if none is parked.
     */
    void renew(SealedCredentials renewed);

    /** Forgets the parked revocation (done, not offered, or given up). */
    void drop(ConnectionKey key);

    /** A revocation owed: the credentials, when it was parked, and how many asks have failed. */
    record Parked(SealedCredentials credentials, Instant parkedAt, int attempts) {}
}
