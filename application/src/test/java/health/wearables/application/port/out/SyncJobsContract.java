package health.wearables.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.wearables.application.port.out.SyncJobs.DeadLetter;
import health.wearables.application.port.out.SyncJobs.TakenJob;
import health.wearables.domain.SyncJob;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SyncJobs} must do, with jobs queued through the {@link SyncQueue} of the same queue; run against
 * the in-memory fake and against Redis.
 */
public abstract class SyncJobsContract {
    private static final Duration LONG = Duration.ofMinutes(5);
    private static final Duration SHORT = Duration.ofMillis(300);

    /** Both sides of the same queue. */
    public record Queue(SyncQueue producer, SyncJobs consumer) {}

    /** A queue of its own for each test, holding nothing yet. */
    protected abstract Queue freshQueue();

    private final Queue queue = freshQueue();

    private SyncJob queued() {
        SyncJob job = new SyncJob(
                Samples.connectionKey(),
                Samples.unique("Endpoint/"),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        queue.producer().enqueue(job);
        return job;
    }

    private Optional<TakenJob> take(String consumer, Duration visibility) {
        return queue.consumer().take(consumer, visibility);
    }

    @Test
    void an_empty_queue_gives_nothing() {
        assertThat(take("a", LONG)).isEmpty();
    }

    @Test
    void a_job_is_taken_once_in_its_order_with_all_it_needs() {
        SyncJob first = queued();
        SyncJob second = queued();

        TakenJob taken = take("a", LONG).orElseThrow();
        assertThat(taken.job()).isEqualTo(first);
        assertThat(taken.attempt()).isEqualTo(1);
        assertThat(take("b", LONG)).map(TakenJob::job).contains(second);
        assertThat(take("a", LONG)).isEmpty();
        assertThat(take("b", LONG)).isEmpty();
    }

    @Test
    void a_job_left_unfinished_is_taken_by_another_consumer_after_the_visibility_timeout_and_not_before()
            throws InterruptedException {
        SyncJob job = queued();
        TakenJob first = take("dead-worker", SHORT).orElseThrow();

        assertThat(take("b", Duration.ofSeconds(10)))
                .as("not before the timeout")
                .isEmpty();
        Thread.sleep(SHORT.toMillis() + 300);

        TakenJob again = take("b", SHORT).orElseThrow();
        assertThat(again.job()).isEqualTo(job);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.attempt()).isEqualTo(2);
        assertThat(take("c", LONG)).as("now held by b").isEmpty();
    }

    @Test
    void a_job_its_consumer_keeps_is_not_taken_over_and_keeping_counts_no_attempt() throws InterruptedException {
        queued();
        TakenJob first = take("a", Duration.ofMillis(600)).orElseThrow();
        Thread.sleep(400);

        assertThat(queue.consumer().keep("a", first)).isTrue();
        Thread.sleep(400);

        assertThat(take("b", Duration.ofMillis(600)))
                .as("kept 400 ms ago, visible after 600")
                .isEmpty();
        Thread.sleep(600);
        TakenJob again = take("b", Duration.ofMillis(600)).orElseThrow();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.attempt()).isEqualTo(2);
    }

    @Test
    void a_job_taken_over_by_another_consumer_is_no_longer_kept_by_the_first() throws InterruptedException {
        queued();
        TakenJob first = take("a", SHORT).orElseThrow();
        Thread.sleep(SHORT.toMillis() + 300);
        TakenJob again = take("b", SHORT).orElseThrow();

        assertThat(queue.consumer().keep("a", first)).isFalse();
        assertThat(queue.consumer().keep("b", again)).isTrue();
        queue.consumer().done(again);
        assertThat(queue.consumer().keep("b", again)).as("finished").isFalse();
    }

    @Test
    void a_done_job_is_never_taken_again() throws InterruptedException {
        queued();
        queue.consumer().done(take("a", SHORT).orElseThrow());
        Thread.sleep(SHORT.toMillis() + 300);

        assertThat(take("b", SHORT)).isEmpty();
    }

    @Test
    void a_job_to_retry_is_taken_again_at_its_time_and_not_before() throws InterruptedException {
        SyncJob job = queued();
        TakenJob first = take("a", LONG).orElseThrow();

        queue.consumer().retryAt(first, Instant.now().plusMillis(700));

        assertThat(take("b", Duration.ofMillis(1))).as("not before its time").isEmpty();
        Thread.sleep(1000);
        TakenJob again = take("b", LONG).orElseThrow();
        assertThat(again.job()).isEqualTo(job);
        assertThat(again.attempt()).isEqualTo(2);
        assertThat(take("c", LONG)).as("once").isEmpty();
    }

    @Test
    void a_job_given_back_is_taken_again_at_its_time_without_counting_that_take() throws InterruptedException {
        SyncJob job = queued();
        TakenJob first = take("a", LONG).orElseThrow();
        queue.consumer().retryAt(first, Instant.now());
        Thread.sleep(50);
        TakenJob second = take("a", LONG).orElseThrow();

        queue.consumer().giveBack(second, Instant.now().plusMillis(700));

        assertThat(take("b", Duration.ofMillis(1))).as("not before its time").isEmpty();
        Thread.sleep(1000);
        TakenJob again = take("b", LONG).orElseThrow();
        assertThat(again.job()).isEqualTo(job);
        assertThat(again.attempt()).as("the busy take did not count").isEqualTo(2);
    }

    @Test
    void a_dead_letter_is_listed_with_its_reason_and_never_taken_again() throws InterruptedException {
        SyncJob job = queued();
        TakenJob taken = take("a", LONG).orElseThrow();

        queue.consumer().deadLetter(taken, "provider kept answering 500 after 5 attempts");
        Thread.sleep(100);

        assertThat(take("b", Duration.ofMillis(1))).isEmpty();
        assertThat(queue.consumer().deadLetters(10)).singleElement().satisfies(dead -> {
            assertThat(dead.job()).isEqualTo(job);
            assertThat(dead.reason()).isEqualTo("provider kept answering 500 after 5 attempts");
            assertThat(dead.attempt()).isEqualTo(1);
        });
    }

    @Test
    void dead_letters_are_listed_oldest_first_up_to_the_maximum() {
        SyncJob first = queued();
        SyncJob second = queued();
        queue.consumer().deadLetter(take("a", LONG).orElseThrow(), "one");
        queue.consumer().deadLetter(take("a", LONG).orElseThrow(), "two");

        assertThat(queue.consumer().deadLetters(10))
                .extracting(DeadLetter::job, DeadLetter::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(first, "one"),
                        org.assertj.core.groups.Tuple.tuple(second, "two"));
        assertThat(queue.consumer().deadLetters(1)).extracting(DeadLetter::job).containsExactly(first);
    }

    @Test
    void a_reason_that_is_not_one_short_line_is_refused() {
        queued();
        TakenJob taken = take("a", LONG).orElseThrow();

        assertThatThrownBy(() -> queue.consumer().deadLetter(taken, "line\nbreak"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue.consumer().deadLetter(taken, "x".repeat(DeadLetter.MAX_REASON + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void two_consumers_racing_on_many_jobs_take_each_exactly_once() throws Exception {
        int count = 40;
        List<SyncJob> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            jobs.add(queued());
        }
        List<SyncJob> taken = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> workers = new ArrayList<>();
            for (String consumer : List.of("a", "b")) {
                Callable<Integer> work = () -> {
                    start.await();
                    int mine = 0;
                    for (Optional<TakenJob> next = take(consumer, LONG);
                            next.isPresent();
                            next = take(consumer, LONG)) {
                        taken.add(next.get().job());
                        queue.consumer().done(next.get());
                        mine++;
                    }
                    return mine;
                };
                workers.add(pool.submit(work));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> worker : workers) {
                total += worker.get(30, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(count);
        } finally {
            pool.shutdownNow();
        }
        assertThat(taken).containsExactlyInAnyOrderElementsOf(jobs);
    }
}
