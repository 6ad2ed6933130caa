package health.wearables.adapters.rest.app.background;

import health.wearables.application.port.in.RecoverPendingWork;
import health.wearables.application.port.in.RecoverPendingWork.Recovery;
import health.wearables.application.port.in.RetireConnections;
import health.wearables.application.port.in.RetryRevocations;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs {@link RecoverPendingWork} every {@value #INTERVAL} seconds (default 30), from the application's start to its
 * stop, on one thread of its own; passes never overlap (fixed delay), and every instance of the gateway runs them (the
 * use case lets one at a time do the work). A pass whose stores failed is logged once, at WARN, with the problems the
 * pass names (never a token), or at INFO when it failed because the application's stop interrupted it; a pass that
 * did something at INFO; an idle pass not at all.
 *
 * <p>A JDK scheduler rather than Liberty's {@code ManagedScheduledExecutorService} ({@code concurrent-3.0}): the
 * passes need none of the container's context (no JNDI, security or JTA: the stores bring their own clients and
 * transactions), this bean owns the thread's whole life and shuts it down with the application, and the server keeps
 * its feature list and start time.
 */
@ApplicationScoped
public class RecoveryScheduler {
    static final String INTERVAL = "wearables.recovery.interval";
    /** The one place the default is written; the README gives the same value. */
    static final String DEFAULT_INTERVAL_SECONDS = "30";

    private static final System.Logger LOG = System.getLogger(RecoveryScheduler.class.getName());

    @Inject
    RecoverPendingWork recovery;

    @Inject
    RetryRevocations revocations;

    @Inject
    RetireConnections retirements;

    @Inject
    @ConfigProperty(name = INTERVAL, defaultValue = DEFAULT_INTERVAL_SECONDS)
    long intervalSeconds;

    private Periodic passes;

    void start(@Observes Startup startup) {
        start();
    }

    synchronized void start() {
        if (intervalSeconds < 1 || intervalSeconds > 86_400) {
            throw new IllegalStateException(INTERVAL + " must be between 1 and 86400 seconds");
        }
        passes = Periodic.every(
                Duration.ofSeconds(intervalSeconds), "wearables-recovery", "a recovery pass", this::runOnce);
        LOG.log(Level.INFO, "Recovery of work left pending by store outages runs every {0} s", intervalSeconds);
    }

    /** One pass of each kind; whatever happens, the schedule goes on. */
    void runOnce() {
        recoverOnce();
        revokeOnce();
        retireOnce();
    }

    /** The connections of providers whose retirement date has come. */
    private void retireOnce() {
        try {
            int retired = retirements.retireDue();
            if (retired > 0) {
                LOG.log(Level.INFO, "retirement pass: {0} connection(s) of retired providers ended", retired);
            }
        } catch (RuntimeException | Error e) {
            Periodic.warn(LOG, "retirement pass failed: {0}", e.getClass().getName());
        }
    }

    /** The revocations owed to providers that are due. */
    private void revokeOnce() {
        try {
            int asked = revocations.retryDue();
            if (asked > 0) {
                LOG.log(Level.INFO, "revocation pass: {0} revocation(s) asked of providers", asked);
            }
        } catch (RuntimeException | Error e) {
            Periodic.warn(LOG, "revocation pass failed: {0}", e.getClass().getName());
        }
    }

    private void recoverOnce() {
        try {
            Recovery pass = recovery.runOnce();
            if (!pass.problems().isEmpty()) {
                Periodic.warn(
                        LOG,
                        "recovery pass: {0}; still pending because {1}",
                        counts(pass),
                        String.join("; ", pass.problems()));
            } else if (pass.didSomething()) {
                LOG.log(Level.INFO, "recovery pass: {0}", counts(pass));
            }
        } catch (RuntimeException | Error e) {
            Periodic.warn(LOG, "recovery pass failed: {0}: {1}", e.getClass().getName(), e.getMessage());
        }
    }

    private static String counts(Recovery pass) {
        return pass.credentialsWritten() + " held connection(s) written, " + pass.credentialsSuperseded()
                + " superseded, " + pass.syncsQueued() + " initial sync(s) queued";
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
        if (passes != null) {
            passes.stop();
        }
    }

    boolean isStopped() {
        return passes == null || passes.isStopped();
    }
}
