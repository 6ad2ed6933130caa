package health.wearables.application.port.in;

import health.wearables.domain.ProviderSlug;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One sync job off the queue, from taking it to finishing it: synced while nobody else syncs that connection, then
 * acknowledged (done), given back for later (deferred, backing off) or dead-lettered (it kept failing). A worker calls
 * this in a loop; every gateway instance runs workers, each with a name of its own.
 */
@FunctionalInterface
public interface WorkSyncQueue {

    /**
     * Takes the next job, if there is one, and finishes it.
     *
     * @param consumer the worker's name, unique among all workers of all instances
     */
    Work runOnce(String consumer);

    /**
     * What one call did.
     *
     * @param provider whose connection the job was for (empty when no job was taken)
     * @param written  Observations the job created or changed
     * @param detail   our own short text (why it was deferred, failed or dead-lettered), never a token or a provider's
     *                 words
     */
    record Work(Kind kind, Optional<ProviderSlug> provider, int written, String detail) {
        public Work {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(detail, "detail");
        }

        public static Work idle() {
            return new Work(Kind.IDLE, Optional.empty(), 0, "");
        }
    }

    /** How the call ended, as the worker's metrics count it. */
    enum Kind {
        /** No job was waiting. */
        IDLE,
        /** Every page read and written: acknowledged. */
        COMPLETED,
        /** Nothing to read (not connected, not active, no data client): acknowledged. */
        SKIPPED,
        /** The connection became {@code reauth_required}: acknowledged. */
        REAUTH_REQUIRED,
        /** Given back, to be taken again later (a rate limit, a provider or store fault, a failure with tries left). */
        DEFERRED,
        /** Another worker syncs the same connection now: given back for a little later. */
        BUSY,
        /** It kept failing: taken off the queue and listed for operators. */
        DEAD_LETTERED,
        /** The queue (or the lease store) could not be reached; a job taken stays pending and comes back. */
        QUEUE_UNAVAILABLE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
