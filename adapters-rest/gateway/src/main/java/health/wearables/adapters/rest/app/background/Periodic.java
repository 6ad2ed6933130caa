package health.wearables.adapters.rest.app.background;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One background thread of the gateway's own that runs a pass at a fixed delay (passes never overlap), from the
 * application's start to its stop; the way every background worker here owns its threads. Threads are daemons with
 * the application's class loader (a pass loads the application's classes), named for what they do. The pass must
 * catch what it throws: a scheduled task that throws is never run again.
 */
final class Periodic {
    /** How long a stop waits for a pass or job in hand. */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private static final System.Logger LOG = System.getLogger(Periodic.class.getName());

    private final ScheduledExecutorService scheduler;
    private final String what;

    private Periodic(ScheduledExecutorService scheduler, String what) {
        this.scheduler = scheduler;
        this.what = what;
    }

    /**
     * Runs {@code pass} every {@code delay} after the end of the last one, the first after {@code delay}.
     *
     * @param thread the thread's name
     * @param what   what the pass is, for the log ("a recovery pass")
     */
    @SuppressWarnings("FutureReturnValueIgnored") // the pass catches everything, so the future never holds a failure
    static Periodic every(Duration delay, String thread, String what, Runnable pass) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, thread));
        scheduler.scheduleWithFixedDelay(pass, delay.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
        return new Periodic(scheduler, what);
    }

    /** A daemon thread of the application, for the executors of the background workers. */
    static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.setContextClassLoader(Periodic.class.getClassLoader());
        return thread;
    }

    void stop() {
        stop(scheduler, what);
    }

    /**
     * Logs what went wrong in a pass or job at WARN; or, when the application's stop has interrupted it ({@link #stop}
     * interrupts what runs), at INFO as cut short: an interrupted Redis call fails as an unreachable Redis would (a
     * {@code RedisException} caused by {@code InterruptedException}), and a stop is no outage to warn operators about.
     */
    static void warn(System.Logger log, String message, Object... arguments) {
        if (Thread.currentThread().isInterrupted()) {
            log.log(Level.INFO, "cut short by the application stopping: " + message, arguments);
        } else {
            log.log(Level.WARNING, message, arguments);
        }
    }

    boolean isStopped() {
        return scheduler.isTerminated();
    }

    /**
     * Interrupts what runs on {@code executor} and waits {@link #STOP_GRACE} for it to end; a WARN names {@code what}
     * if it did not.
     */
    static void stop(ExecutorService executor, String what) {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(
                        Level.WARNING,
                        "{0} did not end within {1} s of the application''s stop",
                        what,
                        STOP_GRACE.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
