package health.wearables.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every {@link Leases} must do; run against the in-memory fake and against Redis. */
public abstract class LeasesContract {
    private static final Duration LONG = Duration.ofMinutes(1);

    protected abstract Leases leases();

    @Test
    void a_free_lease_is_taken_and_then_held_against_everyone_else() {
        String name = Samples.unique("lease");

        assertThat(leases().take(name, LONG)).isPresent();
        assertThat(leases().take(name, LONG)).isEmpty();
    }

    @Test
    void a_lease_is_held_from_its_take_to_its_close() {
        String name = Samples.unique("lease");
        assertThat(leases().isHeld(name)).isFalse();

        Leases.Lease lease = leases().take(name, LONG).orElseThrow();
        assertThat(leases().isHeld(name)).isTrue();
        assertThat(leases().isHeld(Samples.unique("lease"))).isFalse();

        lease.close();
        assertThat(leases().isHeld(name)).isFalse();
    }

    @Test
    void a_lapsed_lease_is_not_held() throws InterruptedException {
        String name = Samples.unique("lease");
        assertThat(leases().take(name, Duration.ofMillis(300))).isPresent();
        Thread.sleep(700);

        assertThat(leases().isHeld(name)).isFalse();
    }

    @Test
    void leases_of_different_names_do_not_see_each_other() {
        String name = Samples.unique("lease");
        assertThat(leases().take(name, LONG)).isPresent();

        assertThat(leases().take(Samples.unique("lease"), LONG)).isPresent();
    }

    @Test
    void a_closed_lease_can_be_taken_again() {
        String name = Samples.unique("lease");
        leases().take(name, LONG).orElseThrow().close();

        assertThat(leases().take(name, LONG)).isPresent();
    }

    @Test
    void a_lapsed_lease_can_be_taken_again() throws InterruptedException {
        String name = Samples.unique("lease");
        assertThat(leases().take(name, Duration.ofMillis(300))).isPresent();
        Thread.sleep(700);

        assertThat(leases().take(name, LONG)).isPresent();
    }

    @Test
    void closing_a_lapsed_lease_does_not_end_the_lease_of_the_next_holder() throws InterruptedException {
        String name = Samples.unique("lease");
        Leases.Lease lapsed = leases().take(name, Duration.ofMillis(300)).orElseThrow();
        Thread.sleep(700);
        assertThat(leases().take(name, LONG)).isPresent();

        lapsed.close();

        assertThat(leases().take(name, LONG)).isEmpty();
    }

    @Test
    void an_extended_lease_is_held_past_its_first_duration() throws InterruptedException {
        String name = Samples.unique("lease");
        Leases.Lease lease = leases().take(name, Duration.ofMillis(600)).orElseThrow();
        Thread.sleep(300);

        assertThat(lease.extend(LONG)).isTrue();
        Thread.sleep(600);

        assertThat(leases().isHeld(name)).isTrue();
        assertThat(leases().take(name, LONG)).isEmpty();
        lease.close();
        assertThat(leases().isHeld(name)).isFalse();
    }

    @Test
    void a_lapsed_lease_taken_by_another_cannot_be_extended_nor_extend_the_others() throws InterruptedException {
        String name = Samples.unique("lease");
        Leases.Lease lapsed = leases().take(name, Duration.ofMillis(300)).orElseThrow();
        Thread.sleep(700);
        Leases.Lease next = leases().take(name, Duration.ofMillis(800)).orElseThrow();

        assertThat(lapsed.extend(LONG)).isFalse();
        Thread.sleep(1_200);

        assertThat(leases().isHeld(name))
                .as("the next holder's lease lapsed as it was taken")
                .isFalse();
        assertThat(next.extend(LONG)).isFalse();
    }

    @Test
    void a_closed_lease_cannot_be_extended() {
        String name = Samples.unique("lease");
        Leases.Lease lease = leases().take(name, LONG).orElseThrow();
        lease.close();

        assertThat(lease.extend(LONG)).isFalse();
        assertThat(leases().isHeld(name)).isFalse();
    }

    @Test
    void of_many_concurrent_takes_exactly_one_gets_the_lease() throws Exception {
        String name = Samples.unique("lease");
        int takers = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(takers);
        try {
            List<Future<Optional<Leases.Lease>>> results = new ArrayList<>();
            for (int i = 0; i < takers; i++) {
                Callable<Optional<Leases.Lease>> take = () -> {
                    start.await();
                    return leases().take(name, LONG);
                };
                results.add(pool.submit(take));
            }
            start.countDown();
            int holders = 0;
            for (Future<Optional<Leases.Lease>> result : results) {
                holders += result.get(10, TimeUnit.SECONDS).isPresent() ? 1 : 0;
            }
            assertThat(holders).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
