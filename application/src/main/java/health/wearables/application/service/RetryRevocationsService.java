package health.wearables.application.service;

import health.wearables.application.port.in.RetryRevocations;
import health.wearables.application.port.out.LeaseUnavailable;
import health.wearables.application.port.out.PendingRevocations;
import java.lang.System.Logger.Level;
import java.time.Clock;

/**
 * Asks again every revocation that is due (a failed one after its backoff, or one whose first ask never happened
 * because the instance died): up to {@value #BATCH} a pass. Two instances passing at once may ask one provider twice
 * for the same grant, which revocation allows (RFC 7009 §2.2: revoking a revoked token answers 200).
 */
public final class RetryRevocationsService implements RetryRevocations {
    private static final System.Logger LOG = System.getLogger(RetryRevocationsService.class.getName());
    static final int BATCH = 50;

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
            for (PendingRevocations.Parked parked : pending.due(clock.instant(), BATCH)) {
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
