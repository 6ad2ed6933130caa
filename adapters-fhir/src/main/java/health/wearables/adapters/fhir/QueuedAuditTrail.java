package health.wearables.adapters.fhir;

import health.wearables.application.port.out.AuditTrail;
import health.wearables.domain.audit.AuditRecord;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The audit trail written off the request's thread: a record is queued in memory and one writer thread writes what
 * has gathered, up to {@value #BATCH} records in one transaction. Writing AuditEvents (HAPI's create: index rows, tags,
 * the look-up of the targets they reference) took a fifth of the gateway's CPU during callbacks under load (JFR,
 * 2026-12-02), and the operation never waited for its outcome anyway (the port is best effort); HAPI FHIR's own audit
 * sink for IHE BALP queues in memory the same way.
 *
 * <p>Nothing is dropped while the gateway runs: when the queue is full the caller writes its record itself (the
 * request then waits as it did before), and {@link #close} writes whatever is still queued before the store closes.
 * What a crash can lose is what was queued and not yet written, a few milliseconds' worth under load; the operations
 * those records describe are in the store and the log.
 */
public final class QueuedAuditTrail implements AuditTrail, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(QueuedAuditTrail.class.getName());
    /** The most records written in one transaction. */
    static final int BATCH = 64;
    /** How long {@link #close} waits for the writer before writing what is left itself. */
    private static final Duration CLOSING = Duration.ofSeconds(10);
    /** How long the writer waits for a record before it looks whether the trail was closed. */
    private static final Duration POLL = Duration.ofMillis(100);

    private final AuditWrites writes;
    private final BlockingQueue<AuditRecord> queue;
    private final Thread writer;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private volatile boolean closed;

    QueuedAuditTrail(AuditWrites writes, int capacity) {
        this.writes = writes;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::writeWhatGathers, "wearables-audit-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** In front of the FHIR store's trail, with room for {@code capacity} records waiting. */
    public static QueuedAuditTrail of(FhirAuditTrail trail, int capacity) {
        return new QueuedAuditTrail(trail, capacity);
    }

    @Override
    public void record(AuditRecord record) {
        if (!closed && queue.offer(record)) {
            queued.incrementAndGet();
            if (closed) {
                writeWhatIsLeft(); // closed meanwhile: the writer may be gone
            }
            return;
        }
        writes.write(record); // full, or closed: written here, never dropped
    }

    /** Waits until every record queued before this call is written (or its write failed and was logged). */
    public void flush(Duration atMost) throws InterruptedException {
        long target = queued.get();
        long deadline = System.nanoTime() + atMost.toNanos();
        while (done.get() < target && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(2);
        }
    }

    /** Stops taking records into the queue and writes what it holds; later records are written by their callers. */
    @Override
    public void close() {
        closed = true; // the writer sees it within a poll, and stops once the queue is empty
        try {
            writer.join(CLOSING.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writeWhatIsLeft();
    }

    private void writeWhatGathers() {
        List<AuditRecord> batch = new ArrayList<>(BATCH);
        while (!closed || !queue.isEmpty()) {
            try {
                AuditRecord first = queue.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                written(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // close() writes what is left
            } finally {
                batch.clear();
            }
        }
    }

    /** In transactions of at most {@value #BATCH} records, as the writer does: one of thousands would crawl. */
    private synchronized void writeWhatIsLeft() {
        List<AuditRecord> batch = new ArrayList<>(BATCH);
        while (queue.drainTo(batch, BATCH) > 0) {
            written(batch);
            batch.clear();
        }
    }

    private void written(List<AuditRecord> batch) {
        try {
            writes.writeAll(batch);
        } catch (RuntimeException e) {
            // The writes log their own failures; this is a fault of ours, and the writer must outlive it
            LOG.log(
                    Level.WARNING,
                    "{0} audit record(s) not written ({1})",
                    batch.size(),
                    e.getClass().getName());
        } finally {
            done.addAndGet(batch.size());
        }
    }
}
