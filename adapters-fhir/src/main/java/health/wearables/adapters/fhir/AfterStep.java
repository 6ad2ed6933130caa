package health.wearables.adapters.fhir;

import java.util.ArrayList;
import java.util.List;

/**
 * Work that must wait until the step in progress on this thread ({@link FhirUnitOfWork}) has committed and its
 * transaction is gone: HAPI's expunge checks that no transaction is active, not even one that has just committed. With
 * no step in progress, the work runs at once.
 */
final class AfterStep {
    @SuppressWarnings("ThreadLocalUsage") // static: one step in progress per thread, whatever the store
    private static final ThreadLocal<List<Runnable>> PENDING = new ThreadLocal<>();

    private AfterStep() {}

    /** Runs {@code work} after the step in progress, or now. */
    static void runAfterOrNow(Runnable work) {
        List<Runnable> pending = PENDING.get();
        if (pending == null) {
            work.run();
        } else {
            pending.add(work);
        }
    }

    /** Whether a step is in progress on this thread. */
    static boolean inStep() {
        return PENDING.get() != null;
    }

    /** Opens a step: work handed over from now on waits for {@link #close}. */
    static void open() {
        PENDING.set(new ArrayList<>());
    }

    /** Ends the step; when it committed, runs what waited (every one of them, the first failure thrown after). */
    static void close(boolean committed) {
        List<Runnable> pending = PENDING.get();
        PENDING.remove();
        if (!committed || pending == null) {
            return;
        }
        RuntimeException first = null;
        for (Runnable work : pending) {
            try {
                work.run();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
