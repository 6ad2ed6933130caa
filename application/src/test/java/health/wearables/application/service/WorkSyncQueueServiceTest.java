package health.wearables.application.service;

import static health.wearables.application.service.Gateway.NOW;
import static health.wearables.application.service.Gateway.key;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.in.WorkSyncQueue.Kind;
import health.wearables.application.port.in.WorkSyncQueue.Work;
import health.wearables.application.port.out.InMemoryLeases;
import health.wearables.application.port.out.InMemorySyncJobs;
import health.wearables.application.port.out.Leases;
import health.wearables.application.port.out.SyncJobs.DeadLetter;
import health.wearables.application.port.out.SyncPoints.Outcome;
import health.wearables.application.port.out.SyncPoints.SyncPoint;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.SyncJob;
import health.wearables.domain.sync.SyncProgress;
import health.wearables.domain.sync.SyncResult;
import health.wearables.domain.sync.SyncWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class WorkSyncQueueServiceTest {
    private static final ConnectionKey AMARA_OURA = key("acme", "amara", "oura");
    private static final WorkSettings SETTINGS = new WorkSettings(
            Duration.ofMinutes(5), 3, Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofSeconds(10));

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemorySyncJobs jobs = new InMemorySyncJobs(clock);
    private final InMemoryLeases leases = new InMemoryLeases(clock);
    private final RecordingSyncPoints points = new RecordingSyncPoints();
    private final Deque<Supplier<SyncResult>> script = new ArrayDeque<>();
    private final List<SyncJob> synced = new ArrayList<>();
    private final WorkSyncQueueService worker = new WorkSyncQueueService(
            jobs,
            leases,
            (job, beforeEachPage) -> {
                synced.add(job);
                beforeEachPage.run();
                return script.removeFirst().get();
            },
            points,
            SETTINGS,
            clock,
            Events.discarded());

    private static SyncResult completed(int changed) {
        SyncWindow window =
                SyncWindow.of(Optional.empty(), Duration.ofDays(30), Duration.ofDays(2), Duration.ofDays(30), NOW);
        return new SyncResult.Completed(window, new SyncProgress(1, Map.of(), changed, Map.of(), Optional.empty()));
    }

    private static SyncResult failed() {
        return new SyncResult.Failed("malformed page", SyncProgress.none());
    }

    private void queued() {
        jobs.enqueue(new SyncJob(AMARA_OURA, "Endpoint/1", NOW));
    }

    @Test
    void a_sync_reading_for_longer_than_the_visibility_timeout_keeps_its_job_and_its_connection() {
        queued();
        queued(); // a second job for the same connection, queued meanwhile
        List<Kind> otherWorker = new ArrayList<>();
        WorkSyncQueueService other = new WorkSyncQueueService(
                jobs,
                leases,
                (job, beforeEachPage) -> {
                    throw new AssertionError("the connection was synced by a second worker at once");
                },
                points,
                SETTINGS,
                clock,
                Events.discarded());
        WorkSyncQueueService longReader = new WorkSyncQueueService(
                jobs,
                leases,
                (job, beforeEachPage) -> {
                    for (int page = 0; page < 3; page++) {
                        beforeEachPage.run();
                        clock.advance(SETTINGS.visibility().minusSeconds(1)); // each page almost a whole timeout
                        otherWorker.add(other.runOnce("w2").kind());
                    }
                    return completed(3);
                },
                points,
                SETTINGS,
                clock,
                Events.discarded());

        assertThat(longReader.runOnce("w1").kind()).isEqualTo(Kind.COMPLETED);

        assertThat(otherWorker)
                .as("the second job, taken again after each give-back, finds the connection still held")
                .containsExactly(Kind.BUSY, Kind.BUSY, Kind.BUSY);
        clock.advance(Duration.ofMinutes(1));
        script.add(() -> completed(0));
        assertThat(worker.runOnce("w3").kind())
                .as("the second job, once the first is done")
                .isEqualTo(Kind.COMPLETED);
        clock.advance(Duration.ofHours(1));
        assertThat(worker.runOnce("w3").kind())
                .as("the first job was acknowledged once, never taken over")
                .isEqualTo(Kind.IDLE);
    }

    @Test
    void an_empty_queue_is_idle_and_syncs_nothing() {
        assertThat(worker.runOnce("w1")).isEqualTo(Work.idle());
        assertThat(synced).isEmpty();
    }

    @Test
    void a_completed_job_is_acknowledged_and_never_taken_again() {
        queued();
        script.add(() -> completed(12));

        Work work = worker.runOnce("w1");

        assertThat(work.kind()).isEqualTo(Kind.COMPLETED);
        assertThat(work.written()).isEqualTo(12);
        assertThat(work.provider())
                .hasValueSatisfying(p -> assertThat(p.value()).isEqualTo("oura"));
        clock.advance(Duration.ofHours(1));
        assertThat(worker.runOnce("w2").kind()).isEqualTo(Kind.IDLE);
    }

    @Test
    void a_skipped_or_reauth_required_job_is_acknowledged() {
        queued();
        queued();
        script.add(() -> new SyncResult.Skipped(SyncResult.Skipped.Why.NOT_ACTIVE));
        script.add(() -> new SyncResult.ReauthRequired("refused", SyncProgress.none()));

        assertThat(worker.runOnce("w1").kind()).isEqualTo(Kind.SKIPPED);
        assertThat(worker.runOnce("w1").kind()).isEqualTo(Kind.REAUTH_REQUIRED);
        clock.advance(Duration.ofHours(1));
        assertThat(worker.runOnce("w1").kind()).isEqualTo(Kind.IDLE);
    }

    @Test
    void a_rate_limited_job_comes_back_at_retry_after_and_never_counts_as_a_failure() {
        queued();
        Instant retryAfter = NOW.plus(Duration.ofMinutes(7));
        for (int i = 0; i < 5; i++) {
            script.add(() -> new SyncResult.Deferred(
                    SyncResult.Deferred.Cause.RATE_LIMITED, "429", retryAfter, SyncProgress.none()));
        }
        script.add(() -> completed(1));

        assertThat(worker.runOnce("w1").kind()).isEqualTo(Kind.DEFERRED);
        clock.advance(Duration.ofMinutes(6));
        assertThat(worker.runOnce("w1").kind()).as("not before Retry-After").isEqualTo(Kind.IDLE);
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 4; i++) {
            assertThat(worker.runOnce("w1").kind()).isEqualTo(Kind.DEFERRED);
        }
        assertThat(worker.runOnce("w1").kind())
                .as("six takes, three attempts allowed: rate limits are not failures")
                .isEqualTo(Kind.COMPLETED);
        assertThat(jobs.deadLetters(10)).isEmpty();
    }

    @Test
    void a_failing_job_backs_off_doubling_and_is_dead_lettered_at_the_last_attempt_with_the_sync_recorded_failed() {
        queued();
        script.add(WorkSyncQueueServiceTest::failed);
        script.add(WorkSyncQueueServiceTest::failed);
        script.add(WorkSyncQueueServiceTest::failed);

        assertThat(worker.runOnce("w1").kind()).isEqualTo(Kind.DEFERRED);
        clock.advance(Duration.ofSeconds(29));
        assertThat(worker.runOnce("w1").kind())
                .as("30 s after the first failure")
                .isEqualTo(Kind.IDLE);
        clock.advance(Duration.ofSeconds(1));
        assertThat(worker.runOnce("w1").kind()).isEqualTo(Kind.DEFERRED);
        clock.advance(Duration.ofSeconds(59));
        assertThat(worker.runOnce("w1").kind()).as("60 s after the second").isEqualTo(Kind.IDLE);
        clock.advance(Duration.ofSeconds(1));
        Work last = worker.runOnce("w1");

        assertThat(last.kind()).isEqualTo(Kind.DEAD_LETTERED);
        assertThat(jobs.deadLetters(10)).singleElement().satisfies(dead -> {
            assertThat(dead.reason()).isEqualTo("attempt 3 of 3: malformed page");
            assertThat(dead.attempt()).isEqualTo(3);
            assertThat(dead.job().key()).isEqualTo(AMARA_OURA);
        });
        assertThat(points.find(AMARA_OURA)).map(SyncPoint::outcome).contains(Outcome.FAILED);
        clock.advance(Duration.ofDays(1));
        assertThat(worker.runOnce("w1").kind()).isEqualTo(Kind.IDLE);
    }

    @Test
    void a_provider_fault_waits_at_least_its_own_time_and_counts_as_a_failed_attempt() {
        queued();
        Instant providerSaid = NOW.plus(Duration.ofMinutes(1));
        script.add(() -> new SyncResult.Deferred(
                SyncResult.Deferred.Cause.PROVIDER_UNAVAILABLE, "HTTP 503", providerSaid, SyncProgress.none()));

        Work work = worker.runOnce("w1");

        assertThat(work.kind()).isEqualTo(Kind.DEFERRED);
        assertThat(work.detail()).isEqualTo("provider_unavailable, again at " + providerSaid);
    }

    @Test
    void a_sync_that_throws_is_a_failed_attempt_and_the_job_is_not_lost() {
        queued();
        script.add(() -> {
            throw new IllegalStateException("a bug, with a token-like text eyJhbGciOi");
        });
        script.add(() -> completed(3));

        Work work = worker.runOnce("w1");

        assertThat(work.kind()).isEqualTo(Kind.DEFERRED);
        assertThat(work.detail()).isEqualTo("the sync threw IllegalStateException, again at " + NOW.plusSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        assertThat(worker.runOnce("w1").kind()).isEqualTo(Kind.COMPLETED);
    }

    @Test
    void a_job_whose_connection_another_worker_syncs_is_given_back_without_syncing() {
        queued();
        Leases.Lease other = leases.take(WorkSyncQueueService.leaseOf(AMARA_OURA), Duration.ofMinutes(5))
                .orElseThrow();

        Work work = worker.runOnce("w1");

        assertThat(work.kind()).isEqualTo(Kind.BUSY);
        assertThat(synced).isEmpty();
        other.close();
        clock.advance(Duration.ofSeconds(10));
        script.add(() -> completed(0));
        assertThat(worker.runOnce("w1").kind()).isEqualTo(Kind.COMPLETED);
    }

    @Test
    void waiting_for_a_busy_connection_never_counts_against_the_job() {
        queued();
        Leases.Lease other = leases.take(WorkSyncQueueService.leaseOf(AMARA_OURA), Duration.ofHours(1))
                .orElseThrow();
        for (int i = 0; i < 5; i++) {
            assertThat(worker.runOnce("w1").kind()).isEqualTo(Kind.BUSY);
            clock.advance(SETTINGS.busyRetry());
        }
        other.close();
        script.add(WorkSyncQueueServiceTest::failed);

        assertThat(worker.runOnce("w1").kind())
                .as("its first failure, after five busy takes, with three attempts allowed")
                .isEqualTo(Kind.DEFERRED);
        assertThat(jobs.deadLetters(10)).isEmpty();
    }

    @Test
    void the_lease_is_released_after_the_job_so_the_next_job_of_the_connection_runs_at_once() {
        queued();
        queued();
        script.add(() -> completed(1));
        script.add(() -> completed(0));

        assertThat(worker.runOnce("w1").kind()).isEqualTo(Kind.COMPLETED);
        assertThat(worker.runOnce("w2").kind()).isEqualTo(Kind.COMPLETED);
    }

    @Test
    void a_worker_that_dies_leaves_its_job_to_another_after_the_visibility_timeout() {
        queued();
        assertThat(jobs.take("dead-worker", SETTINGS.visibility()))
                .as("taken, never finished")
                .isPresent();
        script.add(() -> completed(5));

        assertThat(worker.runOnce("w2").kind())
                .as("still within the visibility timeout")
                .isEqualTo(Kind.IDLE);
        clock.advance(SETTINGS.visibility().plusSeconds(1));
        Work work = worker.runOnce("w2");

        assertThat(work.kind()).isEqualTo(Kind.COMPLETED);
        assertThat(synced).hasSize(1);
    }

    @Test
    void an_unreachable_queue_is_reported_and_nothing_is_synced() {
        queued();
        jobs.setAvailable(false);

        Work work = worker.runOnce("w1");

        assertThat(work.kind()).isEqualTo(Kind.QUEUE_UNAVAILABLE);
        assertThat(synced).isEmpty();
    }

    @Test
    void a_queue_lost_after_the_sync_leaves_the_job_pending_to_come_back() {
        queued();
        script.add(() -> {
            jobs.setAvailable(false);
            return completed(4);
        });

        assertThat(worker.runOnce("w1").kind()).isEqualTo(Kind.QUEUE_UNAVAILABLE);

        jobs.setAvailable(true);
        clock.advance(SETTINGS.visibility().plusSeconds(1));
        script.add(() -> completed(0));
        assertThat(worker.runOnce("w2").kind())
                .as("taken over: idempotent writes")
                .isEqualTo(Kind.COMPLETED);
    }

    @Test
    void an_unreachable_lease_store_leaves_the_job_pending_and_syncs_nothing() {
        queued();
        leases.setAvailable(false);

        assertThat(worker.runOnce("w1").kind()).isEqualTo(Kind.QUEUE_UNAVAILABLE);
        assertThat(synced).isEmpty();
    }

    @Test
    void backoff_doubles_up_to_its_cap() {
        assertThat(SETTINGS.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(SETTINGS.backoffAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(SETTINGS.backoffAfter(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(SETTINGS.backoffAfter(40)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void a_dead_letter_reason_longer_than_a_dead_letter_holds_is_cut() {
        queued();
        String longReason = "x".repeat(300);
        WorkSyncQueueService once = new WorkSyncQueueService(
                jobs,
                leases,
                (job, beforeEachPage) -> new SyncResult.Failed(longReason, SyncProgress.none()),
                points,
                new WorkSettings(Duration.ofMinutes(5), 1, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO),
                clock,
                Events.discarded());

        assertThat(once.runOnce("w1").kind()).isEqualTo(Kind.DEAD_LETTERED);
        assertThat(jobs.deadLetters(1).get(0).reason()).hasSize(DeadLetter.MAX_REASON);
    }
}
