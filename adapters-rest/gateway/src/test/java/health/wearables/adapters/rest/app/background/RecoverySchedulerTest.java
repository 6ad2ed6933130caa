package health.wearables.adapters.rest.app.background;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import health.wearables.application.port.in.RecoverPendingWork.Recovery;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The schedule of recovery passes, and what a pass leaves in the log. */
class RecoverySchedulerTest {
    private final RecoveryScheduler scheduler = new RecoveryScheduler();
    private final List<LogRecord> logged = new ArrayList<>();
    private final Logger logger = Logger.getLogger(RecoveryScheduler.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public synchronized void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    @SuppressWarnings("UnnecessaryAssignment") // builds the CDI bean by hand: no container sets its @Inject fields
    void captureTheLog() {
        logger.addHandler(capture);
        scheduler.revocations = () -> 0;
        scheduler.retirements = () -> 0;
    }

    @Test
    @SuppressWarnings("UnnecessaryAssignment") // builds the CDI bean by hand: no container sets its @Inject fields
    void each_pass_also_asks_the_revocations_due_and_a_failing_revocation_pass_does_not_stop_recovery() {
        AtomicInteger recoveries = new AtomicInteger();
        AtomicInteger revocationPasses = new AtomicInteger();
        scheduler.recovery = () -> {
            recoveries.incrementAndGet();
            return new Recovery(true, 0, 0, 0, List.of());
        };
        scheduler.revocations = () -> {
            revocationPasses.incrementAndGet();
            throw new IllegalStateException("redis went away");
        };

        scheduler.runOnce();
        scheduler.revocations = () -> 2;
        scheduler.runOnce();

        assertThat(recoveries).hasValue(2);
        assertThat(revocationPasses).hasValue(1);
        assertThat(lines(Level.WARNING)).anySatisfy(line -> assertThat(line).contains("revocation pass failed"));
        assertThat(lines(Level.INFO)).anySatisfy(line -> assertThat(line).contains("2 revocation(s) asked"));
        scheduler.retirements = () -> 3;
        scheduler.runOnce();
        assertThat(lines(Level.INFO)).anySatisfy(line -> assertThat(line).contains("3 connection(s) of retired"));
    }

    @AfterEach
    void stop() {
        scheduler.stop();
        logger.removeHandler(capture);
    }

    private synchronized List<String> lines(Level level) {
        SimpleFormatter formatter = new SimpleFormatter();
        return logged.stream()
                .filter(record -> record.getLevel().equals(level))
                .map(formatter::formatMessage)
                .toList();
    }

    /** Waits until the condition holds, for at most 10 seconds. */
    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within 10 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    @SuppressWarnings("UnnecessaryAssignment") // builds the CDI bean by hand: no container sets its @Inject fields
    void passes_run_one_after_another_until_the_application_stops_and_a_failing_pass_does_not_end_them()
            throws InterruptedException {
        AtomicInteger passes = new AtomicInteger();
        scheduler.recovery = () -> {
            if (passes.incrementAndGet() == 1) {
                throw new IllegalStateException("the first pass fails unexpectedly");
            }
            return new Recovery(true, 0, 0, 0, List.of());
        };
        scheduler.intervalSeconds = 1;

        scheduler.start();
        await(() -> passes.get() >= 3);
        scheduler.stop();

        assertThat(scheduler.isStopped()).isTrue();
        assertThat(lines(Level.WARNING))
                .singleElement()
                .asString()
                .isEqualTo("recovery pass failed: java.lang.IllegalStateException: the first pass fails unexpectedly");
    }

    @Test
    @SuppressWarnings("UnnecessaryAssignment") // builds the CDI bean by hand: no container sets its @Inject fields
    void a_pass_whose_stores_failed_is_one_warning_naming_the_problems() {
        scheduler.recovery = () ->
                new Recovery(true, 1, 0, 0, List.of("sync queue: sync queue enqueue: Redis failed (RedisException)"));

        scheduler.runOnce();

        assertThat(lines(Level.WARNING))
                .containsExactly("recovery pass: 1 held connection(s) written, 0 superseded, "
                        + "0 initial sync(s) queued; still pending because sync queue: sync queue enqueue: Redis failed "
                        + "(RedisException)");
    }

    @Test
    @SuppressWarnings("UnnecessaryAssignment") // builds the CDI bean by hand: no container sets its @Inject fields
    void a_pass_the_application_stop_interrupted_is_no_warning_though_its_redis_calls_failed() {
        // as Redisson answers a call on an interrupted thread: RedisException(InterruptedException), flag kept
        scheduler.recovery = () -> {
            Thread.currentThread().interrupt();
            return new Recovery(
                    true, 0, 0, 0, List.of("credential inbox: credential inbox scan: Redis failed (RedisException)"));
        };
        scheduler.revocations = () -> {
            throw new IllegalStateException("revocations: Redis failed");
        };

        try {
            scheduler.runOnce();
        } finally {
            Thread.interrupted();
        }

        assertThat(lines(Level.WARNING)).isEmpty();
        assertThat(lines(Level.INFO))
                .containsExactly(
                        "cut short by the application stopping: recovery pass: 0 held connection(s) written, 0 "
                                + "superseded, 0 initial sync(s) queued; still pending because credential inbox: "
                                + "credential inbox scan: Redis failed (RedisException)",
                        "cut short by the application stopping: revocation pass failed: "
                                + "java.lang.IllegalStateException");
    }

    @Test
    @SuppressWarnings("UnnecessaryAssignment") // builds the CDI bean by hand: no container sets its @Inject fields
    void a_pass_that_did_something_is_one_info_line_and_an_idle_pass_says_nothing() {
        scheduler.recovery = () -> new Recovery(true, 2, 1, 3, List.of());
        scheduler.runOnce();
        scheduler.recovery = () -> new Recovery(true, 0, 0, 0, List.of());
        scheduler.runOnce();
        scheduler.recovery = Recovery::skipped;
        scheduler.runOnce();

        assertThat(lines(Level.INFO))
                .containsExactly("recovery pass: 2 held connection(s) written, 1 superseded, 3 initial sync(s) queued");
        assertThat(lines(Level.WARNING)).isEmpty();
    }

    @Test
    @SuppressWarnings("UnnecessaryAssignment") // builds the CDI bean by hand: no container sets its @Inject fields
    void an_interval_outside_one_second_to_one_day_is_refused() {
        scheduler.recovery = Recovery::skipped;
        scheduler.intervalSeconds = 0;

        assertThatIllegalStateException()
                .isThrownBy(scheduler::start)
                .withMessageContaining("wearables.recovery.interval");
    }

    @Test
    void passes_run_every_30_seconds_by_default() {
        assertThat(RecoveryScheduler.INTERVAL).isEqualTo("wearables.recovery.interval");
        assertThat(RecoveryScheduler.DEFAULT_INTERVAL_SECONDS).isEqualTo("30");
    }
}
