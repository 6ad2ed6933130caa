package health.wearables.application.port.out;

import health.wearables.domain.SyncJob;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The worker's side of the sync queue: jobs taken by one consumer at a time, each finished one of three ways. A job
 * taken and never finished (its worker died) is taken again by another consumer once it has waited longer than the
 * visibility timeout. Every method throws {@link SyncQueueUnavailable} when the queue cannot be reached.
 */
public interface SyncJobs {

    /**
     * A job left unfinished by another consumer for longer than {@code visibility}, else a new one, else nothing.
     *
     * @param consumer the worker's name, unique among the workers
     */
    Optional<TakenJob> take(String consumer, Duration visibility);

    /**
     * The consumer is still working on the job: its visibility timeout starts again from now, so no other consumer
     * takes it over meanwhile; does not count as an attempt. False when the job is no longer the consumer's (it was
     * taken over after its timeout, or finished): nothing changes then.
     */
    boolean keep(String consumer, TakenJob taken);

    /** The job is finished: it is never taken again. */
    void done(TakenJob taken);

    /** The job is finished for now: it is taken again, but not before {@code notBefore}. */
    void retryAt(TakenJob taken, Instant notBefore);

    /**
     * The job could not run now for a reason that is not its own (another worker syncs its connection): it is taken
     * again, not before {@code notBefore}, and this take does not count as one of its attempts.
     */
    void giveBack(TakenJob taken, Instant notBefore);

    /** The job keeps failing: it is never taken again, and is listed for operators with our {@code reason}. */
    void deadLetter(TakenJob taken, String reason);

    /** The oldest dead letters, at most {@code max}. */
    List<DeadLetter> deadLetters(int max);

    /**
     * A job in a consumer's hands.
     *
     * @param id      where the queue holds it (a stream entry id in Redis)
     * @param attempt how often it has been taken, this time included (1 the first time)
     */
    record TakenJob(SyncJob job, String id, int attempt) {
        public TakenJob {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(id, "id");
            if (attempt < 1) {
                throw new IllegalArgumentException("attempt must be at least 1");
            }
        }
    }

    /**
     * A job given up on.
     *
     * @param reason  our own short text (at most {@value #MAX_REASON} characters, one line), never a provider's text
     * @param attempt how often it had been taken
     */
    record DeadLetter(SyncJob job, String reason, int attempt, Instant at) {
        public static final int MAX_REASON = 200;

        public DeadLetter {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(at, "at");
            checkReason(reason);
        }

        /** The reason, if it is one line, not blank, and short. */
        public static String checkReason(String reason) {
            Objects.requireNonNull(reason, "reason");
            if (reason.isBlank() || reason.length() > MAX_REASON || reason.contains("\n") || reason.contains("\r")) {
                throw new IllegalArgumentException(
                        "a dead letter's reason is one line of at most " + MAX_REASON + " characters, not blank");
            }
            return reason;
        }
    }
}
