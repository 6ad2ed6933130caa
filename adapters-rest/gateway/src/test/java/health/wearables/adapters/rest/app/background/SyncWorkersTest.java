package health.wearables.adapters.rest.app.background;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import health.wearables.application.port.in.KeepCredentialsAlive;
import health.wearables.application.port.in.ScheduleSyncs.Schedule;
import health.wearables.application.port.in.WorkSyncQueue.Kind;
import health.wearables.application.port.in.WorkSyncQueue.Work;
import health.wearables.domain.ProviderSlug;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The workers' loop: jobs one after another, counted by provider and outcome; pauses; a stop that ends them. */
@SuppressWarnings("UnnecessaryAssignment") // the test sets the fields CDI injects under Liberty
class SyncWorkersTest {
    private final SyncWorkers workers = new SyncWorkers();
    private final Map<String, Long> counts = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Work> script = new ConcurrentLinkedQueue<>();
    private final Set<String> consumers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger idleCalls = new AtomicInteger();

    SyncWorkersTest() {
        workers.workers = 2;
        workers.pollMillis = 20;
        workers.intervalSeconds = 3600;
        workers.queue = consumer -> {
            consumers.add(consumer);
            Work next = script.poll();
            if (next == null) {
                idleCalls.incrementAndGet();
                return Work.idle();
            }
            return next;
        };
        workers.schedule = () -> new Schedule(true, 0, 0, 0, List.of());
        workers.keepAlive = () -> new KeepCredentialsAlive.Pass(true, 0, 0, List.of());
        workers.metrics = countingRegistry();
    }

    @AfterEach
    void stop() {
        workers.stop();
    }

    private MetricRegistry countingRegistry() {
        return (MetricRegistry) Proxy.newProxyInstance(
                MetricRegistry.class.getClassLoader(), new Class<?>[] {MetricRegistry.class}, (self, method, args) -> {
                    if (!method.getName().equals("counter")) {
                        throw new UnsupportedOperationException(method.toString());
                    }
                    String name = args[0]
                            + Arrays.stream((Tag[]) args[1])
                                    .map(tag -> tag.getTagName() + "=" + tag.getTagValue())
                                    .collect(Collectors.joining(",", "{", "}"));
                    return Proxy.newProxyInstance(
                            Counter.class.getClassLoader(), new Class<?>[] {Counter.class}, (c, m, a) -> {
                                long by = a == null ? 1 : (long) a[0];
                                counts.merge(name, by, Long::sum);
                                return null;
                            });
                });
    }

    private static Work work(Kind kind, String provider, int written) {
        return new Work(kind, Optional.of(new ProviderSlug(provider)), written, "");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s");
            }
            Thread.sleep(5);
        }
    }

    @Test
    void jobs_are_counted_by_provider_and_outcome_and_observations_by_provider() throws InterruptedException {
        script.add(work(Kind.COMPLETED, "oura", 120));
        script.add(work(Kind.COMPLETED, "oura", 0));
        script.add(work(Kind.DEAD_LETTERED, "withings", 0));
        script.add(work(Kind.DEFERRED, "oura", 7));

        workers.start();
        await(() -> script.isEmpty() && idleCalls.get() > 2);

        assertThat(counts)
                .containsEntry("wearables.sync.jobs{provider=oura,outcome=completed}", 2L)
                .containsEntry("wearables.sync.jobs{provider=withings,outcome=dead_lettered}", 1L)
                .containsEntry("wearables.sync.jobs{provider=oura,outcome=deferred}", 1L)
                .containsEntry("wearables.sync.observations{provider=oura}", 127L)
                .doesNotContainKey("wearables.sync.observations{provider=withings}");
    }

    @Test
    void each_worker_has_a_consumer_name_of_its_own() throws InterruptedException {
        workers.start();
        await(() -> consumers.size() == 2);

        assertThat(consumers).allSatisfy(name -> assertThat(name).contains("@").matches(".*/[12]"));
    }

    @Test
    void a_stop_ends_every_worker() throws InterruptedException {
        workers.start();
        await(() -> idleCalls.get() > 0);

        workers.stop();
        int after = idleCalls.get();
        Thread.sleep(100);

        assertThat(idleCalls.get()).isEqualTo(after);
    }

    @Test
    void a_worker_count_out_of_range_stops_the_start() {
        workers.workers = 65;

        assertThatIllegalStateException().isThrownBy(workers::start).withMessageContaining("wearables.sync.workers");
    }

    @Test
    void zero_workers_sync_nothing_but_the_schedule_still_runs() throws InterruptedException {
        workers.workers = 0;
        AtomicInteger passes = new AtomicInteger();
        workers.schedule = () -> {
            passes.incrementAndGet();
            return Schedule.skipped();
        };

        workers.start();
        workers.scheduleOnce();

        assertThat(passes.get()).isEqualTo(1);
        Thread.sleep(50);
        assertThat(consumers).isEmpty();
    }
}
