package health.wearables.application.port.out;

import java.time.Duration;
import java.util.Optional;

/**
 * Named leases shared by every gateway instance: while one instance holds a lease, no other gets it. A lease ends when
 * it is closed or when its duration has passed (so an instance that died does not keep it).
 */
public interface Leases {

    /**
     * The lease, if nobody holds it now.
     *
     * @throws LeaseUnavailable when the store that holds leases cannot be reached
     */
    Optional<Lease> take(String name, Duration duration);

    /**
     * Whether someone holds the lease now (a lease closed or lapsed is not held). An answer for a listing: by the time
     * it is read the lease may have ended.
     *
     * @throws LeaseUnavailable when the store that holds leases cannot be reached
     */
    boolean isHeld(String name);

    /** A lease held by the caller. Closing it ends it, unless it has already lapsed and been taken by another. */
    interface Lease extends AutoCloseable {
        /**
         * Holds the lease for {@code duration} from now, if it is still the caller's: a long piece of work keeps its
         * lease this way. False when it has lapsed or was closed (someone else may hold it now): nothing changes then.
         *
         * @throws LeaseUnavailable when the store that holds leases cannot be reached
         */
        boolean extend(Duration duration);

        @Override
        void close();
    }
}
