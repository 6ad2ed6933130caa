package health.wearables.adapters.rest.app.background;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The delivery worker's schedule: passes one after another, a failing pass does not end them, stop ends them. */
class EventDeliveryWorkerTest {
    private final EventDeliveryWorker worker = new EventDeliveryWorker();

    @AfterEach
    void stop() {
        worker.stop();
    }

    @Test
    @SuppressWarnings("UnnecessaryAssignment") // builds the CDI bean by hand: no container sets its @Inject fields
    void passes_run_until_the_application_stops_and_a_failing_pass_does_not_end_them() throws InterruptedException {
        AtomicInteger passes = new AtomicInteger();
        worker.deliver = () -> {
            if (passes.incrementAndGet() == 1) {
                throw new IllegalStateException("the first pass fails");
            }
            return 0;
        };
        worker.pollMillis = 50;

        worker.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (passes.get() < 3) {
            assertThat(System.nanoTime()).as("three passes within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        worker.stop();
        int stoppedAt = passes.get();
        Thread.sleep(200);

        assertThat(passes.get()).as("no pass after the stop").isEqualTo(stoppedAt);
    }

    @Test
    @SuppressWarnings("UnnecessaryAssignment") // builds the CDI bean by hand: no container sets its @Inject fields
    void a_poll_outside_its_bounds_stops_the_start() {
        worker.deliver = () -> 0;
        worker.pollMillis = 10;

        assertThatIllegalStateException().isThrownBy(worker::start).withMessageContaining("wearables.events.poll-ms");
    }
}
