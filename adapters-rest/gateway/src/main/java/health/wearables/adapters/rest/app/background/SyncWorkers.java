package health.wearables.adapters.rest.app.background;

import health.wearables.application.port.in.KeepCredentialsAlive;
import health.wearables.application.port.in.ScheduleSyncs;
import health.wearables.application.port.in.ScheduleSyncs.Schedule;
import health.wearables.application.port.in.WorkSyncQueue;
import health.wearables.application.port.in.WorkSyncQueue.Kind;
import health.wearables.application.port.in.WorkSyncQueue.Work;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The sync workers of this instance: {@value #WORKERS} threads (default 2), each taking one job after another off the
 * queue ({@link WorkSyncQueue}), pausing {@value #POLL} ms (default 500) when none waits and five seconds when the
 * queue cannot be reached; and the schedule, which asks {@link ScheduleSyncs} every minute (or every sync interval, if
 * shorter) to queue every active connection's sync, the use case letting one instance do it once an interval, and
 * {@link KeepCredentialsAlive} to refresh credentials nothing has refreshed for a while (one pass an hour).
 *
 * <p>Each worker's consumer name is this JVM's {@code pid@host} and the worker's number, unique across the instances
 * that share the queue. Workers stop with the application: a job in hand is given the stop's ten seconds, and a job
 * still unfinished then is taken over by another worker after the visibility timeout.
 *
 * <p>JDK threads rather than Liberty's managed executors, for the reasons given on {@link RecoveryScheduler}.
 */
@ApplicationScoped
public class SyncWorkers {
    static final String WORKERS = "wearables.sync.workers";
    static final String DEFAULT_WORKERS = "2";
    static final String POLL = "wearables.sync.poll-ms";
    static final String DEFAULT_POLL_MS = "500";
    static final String INTERVAL = "wearables.sync.interval";
    static final String DEFAULT_INTERVAL_SECONDS = "3600";
    private static final long UNAVAILABLE_PAUSE_MS = 5_000;

    private static final System.Logger LOG = System.getLogger(SyncWorkers.class.getName());

    @Inject
    WorkSyncQueue queue;

    @Inject
    ScheduleSyncs schedule;

    @Inject
    KeepCredentialsAlive keepAlive;

    @Inject
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = WORKERS, defaultValue = DEFAULT_WORKERS)
    int workers;

    @Inject
    @ConfigProperty(name = POLL, defaultValue = DEFAULT_POLL_MS)
    long pollMillis;

    @Inject
    @ConfigProperty(name = INTERVAL, defaultValue = DEFAULT_INTERVAL_SECONDS)
    long intervalSeconds;

    private ExecutorService pool;
    private Periodic schedulePasses;
    private volatile boolean running;

    void start(@Observes Startup startup) {
        start();
    }

    @SuppressWarnings("FutureReturnValueIgnored") // each task catches everything, so no future holds a failure
    synchronized void start() {
        if (workers < 0 || workers > 64) {
            throw new IllegalStateException(WORKERS + " must be between 0 and 64");
        }
        if (pollMillis < 10 || pollMillis > 60_000) {
            throw new IllegalStateException(POLL + " must be between 10 and 60000 ms");
        }
        AtomicInteger numbers = new AtomicInteger();
        String instance = ManagementFactory.getRuntimeMXBean().getName();
        running = true;
        pool = Executors.newFixedThreadPool(
                Math.max(1, workers), task -> Periodic.daemon(task, "wearables-sync-" + numbers.incrementAndGet()));
        for (int i = 1; i <= workers; i++) {
            String consumer = instance + "/" + i;
            pool.execute(() -> work(consumer));
        }
        long tick = Math.min(60, intervalSeconds);
        schedulePasses = Periodic.every(
                Duration.ofSeconds(tick), "wearables-schedule", "a sync schedule pass", this::scheduleOnce);
        LOG.log(
                Level.INFO,
                "{0} sync worker(s) take jobs off the queue; every active connection is synced every {1} s",
                workers,
                intervalSeconds);
    }

    private void work(String consumer) {
        while (running && !Thread.currentThread().isInterrupted()) {
            long pause = pollMillis;
            try {
                Work work = queue.runOnce(consumer);
                pause = pauseAfter(work);
                count(work);
            } catch (RuntimeException | Error e) {
                Periodic.warn(
                        LOG, "sync worker {0}: {1}", consumer, e.getClass().getName());
                pause = UNAVAILABLE_PAUSE_MS;
            }
            if (pause > 0 && !sleep(pause)) {
                return;
            }
        }
    }

    /** Straight on after a job; a pause when the queue was empty or out of reach. */
    private long pauseAfter(Work work) {
        if (work.kind() == Kind.IDLE) {
            return pollMillis;
        }
        if (work.kind() == Kind.QUEUE_UNAVAILABLE) {
            Periodic.warn(LOG, "sync worker: {0}", work.detail());
            return UNAVAILABLE_PAUSE_MS;
        }
        return 0;
    }

    /**
     * {@code wearables.sync.jobs} by provider and outcome (dead letters are the outcome {@code dead_lettered}), and
     * {@code wearables.sync.observations} (created or changed) by provider.
     */
    private void count(Work work) {
        work.provider().ifPresent(provider -> {
            Tag providerTag = new Tag("provider", provider.value());
            metrics.counter(
                            "wearables.sync.jobs",
                            providerTag,
                            new Tag("outcome", work.kind().label()))
                    .inc();
            if (work.written() > 0) {
                metrics.counter("wearables.sync.observations", providerTag).inc(work.written());
            }
        });
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void scheduleOnce() {
        try {
            Schedule pass = schedule.runOnce();
            if (!pass.problems().isEmpty()) {
                Periodic.warn(LOG, "sync schedule: {0}", String.join("; ", pass.problems()));
            }
            KeepCredentialsAlive.Pass kept = keepAlive.runOnce();
            if (!kept.problems().isEmpty()) {
                Periodic.warn(LOG, "keep-alive refresh pass: {0}", String.join("; ", kept.problems()));
            }
        } catch (RuntimeException | Error e) {
            Periodic.warn(LOG, "sync schedule failed: {0}", e.getClass().getName());
        }
    }

    /**
     * Stops before any application-scoped bean is destroyed: a pass or job still running when the stores are gone would
     * make CDI build them again (a second HAPI store on a closing database).
     */
    void stopFirst(@Observes @BeforeDestroyed(ApplicationScoped.class) Object applicationEnding) {
        stop();
    }

    @PreDestroy
    synchronized void stop() {
        running = false;
        if (schedulePasses != null) {
            schedulePasses.stop();
        }
        if (pool != null) {
            Periodic.stop(pool, "a sync worker");
        }
    }
}
