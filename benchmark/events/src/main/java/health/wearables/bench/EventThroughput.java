package health.wearables.bench;

import com.sun.net.httpserver.HttpServer;
import health.wearables.adapters.fhir.EmbeddedFhirStore;
import health.wearables.adapters.fhir.FhirEventOutbox;
import health.wearables.adapters.fhir.FhirStoreSettings;
import health.wearables.adapters.fhir.FhirUnitOfWork;
import health.wearables.adapters.rest.out.platform.StandardWebhooksDelivery;
import health.wearables.application.port.out.EventOutbox;
import health.wearables.application.port.out.HeldEvents;
import health.wearables.application.port.out.Leases;
import health.wearables.application.port.out.StoppedWebhooks;
import health.wearables.application.service.DeliverEventsService;
import health.wearables.application.service.EventSettings;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.events.PlatformEvent;
import health.wearables.domain.events.WebhookTarget;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Events through the real outbox (the FHIR store's table, each event recorded in its own step, as a change records
 * it) and the real delivery (Standard Webhooks signing, HTTP to a receiver in this JVM that answers 204 at once), in
 * one run: a burst recorded as fast as one thread can, delivered by one worker polling every {@code poll} ms (the
 * drain rate is the outbox's throughput), then a paced stream (the time from the change's commit to its arrival at the
 * receiver, p50 and p99). The store is an H2 file, as the gateway's default; Redis is not used (one worker, so the
 * delivery lease is a local one).
 *
 * <p>Arguments: burst size, paced events per second, paced seconds, poll ms (defaults 2000 20 15 100).
 */
public final class EventThroughput {
    private EventThroughput() {}

    public static void main(String[] args) throws Exception {
        int burst = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        long poll = args.length > 3 ? Long.parseLong(args[3]) : 100;

        Map<String, Long> arrived = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/events", exchange -> {
            exchange.getRequestBody().readAllBytes();
            arrived.putIfAbsent(exchange.getRequestHeaders().getFirst("webhook-id"), System.nanoTime());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        WebhookTarget target = new WebhookTarget(
                URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/events"),
                "whsec_" + Base64.getEncoder().encodeToString(key));

        Path data = Files.createTempDirectory("wearables-events-bench");
        try (EmbeddedFhirStore store = EmbeddedFhirStore.start(FhirStoreSettings.h2File(data))) {
            FhirEventOutbox outbox = new FhirEventOutbox(store);
            FhirUnitOfWork units = new FhirUnitOfWork(store);
            AtomicInteger attempts = new AtomicInteger();
            DeliverEventsService deliver = new DeliverEventsService(
                    outbox,
                    new NothingHeld(),
                    project -> Optional.of(target),
                    new StoppedWebhooks() {
                        @Override
                        public void stop(ProjectId project, WebhookTarget gone) {}

                        @Override
                        public boolean isStopped(ProjectId project, WebhookTarget asked) {
                            return false;
                        }
                    },
                    new StandardWebhooksDelivery(Duration.ofSeconds(10), Clock.systemUTC()),
                    localLease(),
                    EventSettings.DEFAULTS,
                    Clock.systemUTC(),
                    outcome -> attempts.incrementAndGet());
            Map<String, Long> committed = new ConcurrentHashMap<>();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread worker = new Thread(() -> {
                while (running.get()) {
                    deliver.deliverDue();
                    try {
                        Thread.sleep(poll);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            worker.start();

            record(units, outbox, committed, 50); // warm-up
            awaitAll(committed, arrived);
            committed.clear();
            arrived.clear();

            long burstStart = System.nanoTime();
            record(units, outbox, committed, burst);
            long recordedAt = System.nanoTime();
            awaitAll(committed, arrived);
            long drained = Collections.max(arrived.values());
            double recordRate = burst / seconds(recordedAt - burstStart);
            double throughput = burst / seconds(drained - burstStart);

            committed.clear();
            arrived.clear();
            long interval = 1_000_000_000L / rate;
            long next = System.nanoTime();
            for (int each = 0; each < rate * seconds; each++) {
                while (System.nanoTime() < next) {
                    Thread.onSpinWait();
                }
                record(units, outbox, committed, 1);
                next += interval;
            }
            awaitAll(committed, arrived);
            List<Double> latencies = new ArrayList<>();
            committed.forEach((id, at) -> latencies.add((arrived.get(id) - at) / 1_000_000.0));
            Collections.sort(latencies);
            running.set(false);
            worker.interrupt();
            worker.join();

            System.out.printf("events_burst                   %d events%n", burst);
            System.out.printf("events_recorded_per_s          %.0f (one thread, one step each)%n", recordRate);
            System.out.printf(
                    "events_delivered_per_s         %.0f (record to last arrival, one worker, poll %d ms)%n",
                    throughput, poll);
            System.out.printf("events_paced                   %d events at %d/s%n", latencies.size(), rate);
            System.out.printf("change_to_delivery_p50_ms      %.1f%n", percentile(latencies, 0.50));
            System.out.printf("change_to_delivery_p99_ms      %.1f%n", percentile(latencies, 0.99));
            System.out.printf("delivery_attempts              %d%n", attempts.get());
        } finally {
            receiver.stop(0);
        }
    }

    private static void record(FhirUnitOfWork units, FhirEventOutbox outbox, Map<String, Long> committed, int count) {
        for (int each = 0; each < count; each++) {
            String id = "msg_" + Long.toHexString(System.nanoTime()) + Integer.toHexString(each) + "bench";
            ConnectionKey key = new ConnectionKey(
                    new ProjectId("acme"), new PatientId("patient-" + (each % 97)), new ProviderSlug("whoop"));
            units.inOneStep(() -> {
                outbox.record(PlatformEvent.connectionCreated(id, key, false, Instant.now()));
                return null;
            });
            committed.put(id, System.nanoTime());
        }
    }

    private static void awaitAll(Map<String, Long> committed, Map<String, Long> arrived) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!arrived.keySet().containsAll(committed.keySet())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("events not delivered within 5 minutes");
            }
            Thread.sleep(5);
        }
    }

    private static Leases localLease() {
        return new Leases() {
            @Override
            public Optional<Lease> take(String name, Duration duration) {
                return Optional.of(new Lease() {
                    @Override
                    public boolean extend(Duration longer) {
                        return true; // one process: nobody else takes it
                    }

                    @Override
                    public void close() {}
                });
            }

            @Override
            public boolean isHeld(String name) {
                return false;
            }
        };
    }

    private static double seconds(long nanos) {
        return nanos / 1_000_000_000.0;
    }

    private static double percentile(List<Double> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    /** The store never fails in this run, so nothing is ever held beside it. */
    private static final class NothingHeld implements HeldEvents {
        @Override
        public void hold(EventOutbox.Entry event) {
            throw new IllegalStateException("the benchmark holds no events");
        }

        @Override
        public List<EventOutbox.Entry> waiting(int max) {
            return List.of();
        }

        @Override
        public void remove(String id) {}

        @Override
        public List<EventOutbox.Entry> due(Instant now, int max) {
            return List.of();
        }

        @Override
        public void delivered(String id, Instant at) {}

        @Override
        public void retryAt(String id, Instant next, int attempts, String lastOutcome) {}

        @Override
        public void abandon(String id, String why) {}
    }
}
