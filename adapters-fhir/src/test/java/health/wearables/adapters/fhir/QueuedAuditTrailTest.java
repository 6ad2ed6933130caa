package health.wearables.adapters.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.Samples;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.audit.AuditRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The queue in front of the audit trail's writes, against writes that record where and how they were made. */
class QueuedAuditTrailTest {
    private static final Instant NOW = Instant.parse("2026-12-01T04:00:00Z");
    private static final Duration WITHIN = Duration.ofSeconds(10);
    private final ConnectionKey key = Samples.connectionKey();

    /** Writes that note each call: its thread and its records; the first batch may be held until released. */
    private static final class Writes implements AuditWrites {
        final List<String> threads = new CopyOnWriteArrayList<>();
        final List<List<AuditRecord>> batches = new CopyOnWriteArrayList<>();
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch holding = new CountDownLatch(1);
        final AtomicBoolean holdFirst = new AtomicBoolean();
        final AtomicBoolean failNext = new AtomicBoolean();

        @Override
        public void write(AuditRecord record) {
            threads.add(Thread.currentThread().getName());
            batches.add(List.of(record));
        }

        @Override
        public void writeAll(List<AuditRecord> records) {
            if (holdFirst.getAndSet(false)) {
                holding.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failNext.getAndSet(false)) {
                throw new IllegalStateException("a fault of the writes (test)");
            }
            threads.add(Thread.currentThread().getName());
            batches.add(List.copyOf(records));
        }

        List<AuditRecord> written() {
            List<AuditRecord> all = new ArrayList<>();
            batches.forEach(all::addAll);
            return all;
        }
    }

    private AuditRecord record(int i) {
        return AuditRecord.tokenRefreshed(key, NOW.plusSeconds(i));
    }

    @Test
    void records_are_written_by_the_writer_thread_in_batches_of_at_most_the_batch_size() throws Exception {
        Writes writes = new Writes();
        writes.holdFirst.set(true);
        QueuedAuditTrail trail = new QueuedAuditTrail(writes, 1_000);

        trail.record(record(0));
        assertThat(writes.holding.await(10, TimeUnit.SECONDS)).isTrue(); // the writer holds the first
        List<AuditRecord> sent = new ArrayList<>(List.of(record(0)));
        for (int i = 1; i <= 200; i++) {
            trail.record(record(i));
            sent.add(record(i));
        }
        writes.release.countDown();
        trail.flush(WITHIN);

        assertThat(writes.written()).containsExactlyElementsOf(sent);
        assertThat(writes.threads).containsOnly("wearables-audit-writer");
        assertThat(writes.batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(64));
        assertThat(writes.batches.size()).as("gathered, not one by one").isLessThan(10);
        trail.close();
    }

    @Test
    void a_full_queue_makes_the_caller_write_its_own_record_and_nothing_is_dropped() throws Exception {
        Writes writes = new Writes();
        writes.holdFirst.set(true);
        QueuedAuditTrail trail = new QueuedAuditTrail(writes, 2);

        trail.record(record(0)); // taken by the writer, which holds it
        assertThat(writes.holding.await(10, TimeUnit.SECONDS)).isTrue();
        trail.record(record(1)); // queued
        trail.record(record(2)); // queued: full
        trail.record(record(3)); // written here

        assertThat(writes.threads).containsExactly(Thread.currentThread().getName());
        writes.release.countDown();
        trail.flush(WITHIN);
        assertThat(writes.written()).containsExactlyInAnyOrder(record(0), record(1), record(2), record(3));
        trail.close();
    }

    @Test
    void closing_writes_what_is_still_queued_and_later_records_are_written_by_their_callers() throws Exception {
        Writes writes = new Writes();
        writes.holdFirst.set(true);
        QueuedAuditTrail trail = new QueuedAuditTrail(writes, 100);
        trail.record(record(0));
        assertThat(writes.holding.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i <= 99; i++) {
            trail.record(record(i));
        }

        CompletableFuture<Void> closed = CompletableFuture.runAsync(trail::close);
        writes.release.countDown();
        closed.get(20, TimeUnit.SECONDS);

        assertThat(writes.written()).hasSize(100);
        assertThat(writes.batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(64));
        trail.record(record(100));
        assertThat(writes.written()).hasSize(101);
        assertThat(writes.threads.get(writes.threads.size() - 1))
                .isEqualTo(Thread.currentThread().getName());
    }

    @Test
    void a_fault_of_the_writes_costs_its_batch_and_the_writer_goes_on() throws Exception {
        Writes writes = new Writes();
        writes.failNext.set(true);
        QueuedAuditTrail trail = new QueuedAuditTrail(writes, 100);

        trail.record(record(0));
        trail.flush(WITHIN);
        trail.record(record(1));
        trail.flush(WITHIN);

        assertThat(writes.written()).containsExactly(record(1));
        trail.close();
    }
}
