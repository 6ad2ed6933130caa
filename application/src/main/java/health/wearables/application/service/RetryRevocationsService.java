package health.wearables.application.service;

import health.wearables.application.port.in.RetryRevocations;
import health.wearables.application.port.out.LeaseUnavailable;
import health.wearables.application.port.out.PendingRevocations;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Asks again every revocation that is due (a failed one after its backoff, or one whose first ask never happened
 * because the instance died): up to {@value #BATCH} a pass. Each pass claims what it asks for {@link #CLAIM}, so two
 * instances passing at once ask a provider once for a grant; an instance that dies holding a claim leaves the
 * revocation to a pass after it ends.
 */
public final class RetryRevocationsService implements RetryRevocations {
    private static final System.Logger LOG = System.getLogger(RetryRevocationsService.class.getName());
    static final int BATCH = 50;
    /**
     * Longer than one ask can take: a revocation, a refresh and a revocation again, each under the token call's
     * deadline (10 s by default).
     */
    static final Duration CLAIM = Duration.ofMinutes(2);

    private final PendingRevocations pending;
    private final Revoking revoking;
    private final Clock clock;

    public RetryRevocationsService(PendingRevocations pending, RevocationSettings settings, Clock clock) {
        this.pending = pending;
        this.revoking = settings.revoking(pending, clock);
        this.clock = clock;
    }

    @Override
    public int retryDue() {
        try {
            int asked = 0;
            Instant now = clock.instant();
            for (PendingRevocations.Parked parked : pending.claimDue(now, BATCH, now.plus(CLAIM))) {
                revoking.ask(parked);
                asked++;
            }
            return asked;
        } catch (LeaseUnavailable e) {
            LOG.log(Level.WARNING, "Revocations owed could not be read ({0}); the next pass asks them", e.getMessage());
            return 0;
        }
    }
}
