package health.wearables.bench.load;

import com.sun.management.OperatingSystemMXBean;
import health.wearables.adapters.fhir.EmbeddedFhirStore;
import health.wearables.adapters.fhir.FhirAuditTrail;
import health.wearables.adapters.fhir.FhirConnectionStore;
import health.wearables.adapters.fhir.FhirEventOutbox;
import health.wearables.adapters.fhir.FhirStoreSettings;
import health.wearables.adapters.fhir.FhirUnitOfWork;
import health.wearables.adapters.fhir.QueuedAuditTrail;
import health.wearables.adapters.redis.RedisSettings;
import health.wearables.adapters.redis.RedisStateStore;
import health.wearables.adapters.redis.RedisSyncQueue;
import health.wearables.adapters.rest.out.provider.HttpTokenExchange;
import health.wearables.adapters.rest.out.provider.TokenEndpointLimits;
import health.wearables.adapters.sealing.TinkTokenCipher;
import health.wearables.adapters.sealing.TokenKeysets;
import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.application.port.out.ConnectionStore;
import health.wearables.application.port.out.TokenCipher.TokenKind;
import health.wearables.domain.AuthorizationCode;
import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.ClientSecret;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.IssuerPolicy;
import health.wearables.domain.OAuthVersion;
import health.wearables.domain.PatientId;
import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.Pkce;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderClient;
import health.wearables.domain.ProviderEndpoints;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.ScopePolicy;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.StateToken;
import health.wearables.domain.SyncJob;
import health.wearables.domain.TokenSet;
import health.wearables.domain.audit.AuditRecord;
import health.wearables.domain.events.PlatformEvent;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.redisson.api.RedissonClient;

/**
 * The floor under the callback: the same I/O as one callback, made directly with the gateway's own adapters in one JVM,
 * without the HTTP server, JAX-RS, CDI or the use case around it. One operation is, in this order:
 *
 * <ol>
 *   <li>Redis {@code GETDEL} of a state record put beforehand ({@link RedisStateStore#take}, Redisson);
 *   <li>one token request to the same stub token endpoint ({@link HttpTokenExchange}: Nimbus builds it, the JDK
 *       HttpClient sends it, the answer is read as the gateway reads it);
 *   <li>the tokens sealed with Tink ({@link TinkTokenCipher}, microseconds) and one HAPI write of the Endpoint
 *       ({@link FhirConnectionStore#save} in a {@link FhirUnitOfWork} step), on the same database engine as the
 *       gateway's, in a database of its own;
 *   <li>Redis {@code XADD} of the first sync job ({@link RedisSyncQueue#enqueue}).
 * </ol>
 *
 * <p>Variant {@code floor+outbox+audit} adds what the gateway's callback also writes: the {@code connection.created}
 * row of the event outbox in the same step, and the {@code callback-completed} AuditEvent queued as the server queues
 * it (written off the operation's thread, many to a transaction).
 * It is printed for reading the gap, not used for the targets.
 *
 * <p>Closed model, like the Gatling steps: {@code n} threads each run operations back to back for the step's seconds
 * after a warm-up at the same concurrency (and, once before the first step, {@code floor.startWarmup} seconds (default
 * a step's length) of operations with every write at 16 threads: HAPI's code takes long to compile); throughput is
 * operations completed over the step's window (first start to last end), latencies are exact percentiles of every
 * operation. The state records the measured step takes are put before the step starts, as many as the warm-up's rate
 * says it could take four times over; any it needs beyond are put just before the operation, outside its timing, and
 * counted as {@code refills}.
 *
 * <p>Configuration (system properties): {@code floor.redis}, {@code floor.prefix}, {@code floor.jdbc},
 * {@code floor.user}, {@code floor.keyset}, {@code floor.token-url}, {@code floor.callback},
 * {@code floor.startWarmup}. Arguments: seconds per step, warm-up seconds, levels ({@code 1,16,64}), variants
 * ({@code floor,floor+outbox+audit}), result file.
 */
public final class Floor {
    static final String BASIC = "floor";
    static final String ALL_WRITES = "floor+outbox+audit";

    private static final ProjectId PROJECT = new ProjectId("bench");
    private static final ProviderSlug PROVIDER = new ProviderSlug("bench");
    private static final Duration STATE_TTL = Duration.ofHours(1);
    private static final int START_WARM_UP_THREADS = 16;
    /** How long after a step's end its operations may still run before the floor gives up. */
    private static final Duration STALLED = Duration.ofSeconds(60);
    /** This JVM, whose CPU time (all threads: the operations, HAPI's, Redisson's) each step reads. */
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();
    private final String runId = Long.toHexString(random.nextLong() & 0xffffffffL);
    private final AtomicLong patients = new AtomicLong();
    private final ConcurrentLinkedQueue<StateToken> prepared = new ConcurrentLinkedQueue<>();
    private final RedisStateStore states;
    private final RedisSyncQueue syncQueue;
    private final HttpTokenExchange tokenExchange;
    private final ConfiguredProvider provider;
    private final URI callback;
    private final TinkTokenCipher cipher;
    private final FhirConnectionStore connections;
    private final FhirUnitOfWork units;
    private final FhirEventOutbox outbox;
    /** As the server writes it: queued, off the operation's thread. */
    private final QueuedAuditTrail audits;

    private Floor(
            RedissonClient redis, String prefix, EmbeddedFhirStore store, Path keyset, URI tokenUrl, URI callback) {
        Duration timeout = Duration.ofSeconds(2);
        this.states = new RedisStateStore(redis, prefix, timeout);
        this.syncQueue = new RedisSyncQueue(redis, prefix, timeout);
        this.tokenExchange = new HttpTokenExchange(TokenEndpointLimits.DEFAULTS, clock);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.provider = new ConfiguredProvider(
                PROVIDER,
                "bench",
                OAuthVersion.OAUTH_2_0,
                ProviderEndpoints.oauth2(tokenUrl.resolve("/authorize"), tokenUrl, tokenUrl.resolve("/")),
                new ProviderClient(
                        "bench-client", new ClientSecret(HexFormat.of().formatHex(secret)), ClientAuthentication.POST),
                ScopePolicy.requesting(List.of("activity", "heartrate")),
                Pkce.NONE,
                IssuerPolicy.none());
        this.callback = callback;
        this.cipher = new TinkTokenCipher(TokenKeysets.load(Optional.empty(), keyset, false));
        ConfiguredProviders providers = new ConfiguredProviders() {
            @Override
            public Optional<ConfiguredProvider> find(ProviderSlug slug) {
                return slug.equals(PROVIDER) ? Optional.of(provider) : Optional.empty();
            }

            @Override
            public List<ConfiguredProvider> all() {
                return List.of(provider);
            }
        };
        this.connections = new FhirConnectionStore(store, providers);
        this.units = new FhirUnitOfWork(store);
        this.outbox = new FhirEventOutbox(store);
        this.audits = QueuedAuditTrail.of(new FhirAuditTrail(store), 10_000);
    }

    public static void main(String[] args) {
        try {
            measure(args);
        } catch (Exception e) {
            System.err.println("floor failed: " + e);
            System.exit(1); // HAPI's and Redisson's threads would keep the JVM up
        }
        System.exit(0);
    }

    private static void measure(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        int warmup = Integer.parseInt(args[1]);
        int[] levels =
                Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
        List<String> variants = List.of(args[3].split(","));
        Path results = Path.of(args[4]);

        RedisSettings redisSettings = new RedisSettings(
                System.getProperty("floor.redis", RedisSettings.DEFAULT_ADDRESS),
                Optional.empty(),
                Duration.ofSeconds(2),
                System.getProperty("floor.prefix", "bench-load:floor:"));
        FhirStoreSettings fhir = new FhirStoreSettings(
                System.getProperty("floor.jdbc"),
                System.getProperty("floor.user", "postgres"),
                System.getProperty("floor.password", ""),
                Integer.parseInt(FhirStoreSettings.DEFAULT_POOL_SIZE));
        RedissonClient redis = redisSettings.connect();
        List<String> lines = new ArrayList<>();
        try (EmbeddedFhirStore store = EmbeddedFhirStore.start(fhir)) {
            Floor floor = new Floor(
                    redis,
                    redisSettings.keyPrefix(),
                    store,
                    Path.of(System.getProperty("floor.keyset")),
                    URI.create(System.getProperty("floor.token-url", "http://127.0.0.1:9181/token")),
                    URI.create(
                            System.getProperty("floor.callback", "http://127.0.0.1:9180/v1/wearables/bench/callback")));
            floor.warmUp(Integer.getInteger("floor.startWarmup", seconds));
            for (String variant : variants) {
                boolean allWrites = switch (variant) {
                    case BASIC -> false;
                    case ALL_WRITES -> true;
                    default -> throw new IllegalArgumentException("unknown variant " + variant);
                };
                for (int users : levels) {
                    Step step = floor.step(users, seconds, warmup, allWrites);
                    String line = String.join(
                            "\t",
                            variant,
                            Integer.toString(users),
                            Long.toString(step.count()),
                            Long.toString(step.errors()),
                            String.format("%.3f", step.windowSeconds()),
                            String.format("%.3f", step.percentileMillis(0.50)),
                            String.format("%.3f", step.percentileMillis(0.95)),
                            String.format("%.3f", step.percentileMillis(0.99)),
                            Long.toString(step.refills()),
                            step.errorKinds().toString(),
                            step.parts.means(),
                            Long.toString(step.cpuNanos / 1_000_000),
                            step.loadAverage);
                    lines.add(line);
                    System.out.printf(
                            "%-20s x%-3d %8.1f ops/s  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  errors %d%s  "
                                    + "(%s; cpu %.2f ms/op, load %s)%n",
                            variant,
                            users,
                            step.count() / step.windowSeconds(),
                            step.percentileMillis(0.50),
                            step.percentileMillis(0.95),
                            step.percentileMillis(0.99),
                            step.errors(),
                            step.errorKinds().isEmpty() ? "" : " " + step.errorKinds(),
                            step.parts.means(),
                            step.cpuNanos / 1e6 / Math.max(1, step.count()),
                            step.loadAverage);
                }
            }
            floor.audits.close();
        } finally {
            redis.shutdown();
        }
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.write(results, lines);
    }

    /**
     * Once before the first step, as the gateway gets its start-up warm-up: every part of the operation at
     * {@value #START_WARM_UP_THREADS} threads, so that the first measured step does not pay for the JIT.
     */
    private void warmUp(int seconds) throws InterruptedException {
        prepared.clear();
        // One thread first: HAPI loads its search parameters on the first write, inside the writer's transaction and
        // on a second connection of the pool; ten or more first writes at once would hold all ten and wait for good.
        run(1, 1, true);
        run(START_WARM_UP_THREADS, seconds, true);
    }

    /** A warm-up at {@code users} threads, then the measured step at the same concurrency. */
    private Step step(int users, int seconds, int warmup, boolean allWrites) throws InterruptedException {
        prepared.clear();
        Step warm = run(users, warmup, allWrites);
        double rate = warm.count() / Math.max(warm.windowSeconds(), 0.001);
        prepare((int) Math.ceil(rate * seconds * 4) + 1000 + 100 * users);
        return run(users, seconds, allWrites);
    }

    /** Puts {@code count} state records, on a few threads, before a step: the keys that step's GETDELs take. */
    private void prepare(int count) throws InterruptedException {
        List<Thread> putters = new ArrayList<>();
        AtomicLong left = new AtomicLong(count);
        for (int each = 0; each < 8; each++) {
            Thread putter = new Thread(() -> {
                while (left.getAndDecrement() > 0) {
                    prepared.add(putState());
                }
            });
            putter.start();
            putters.add(putter);
        }
        for (Thread putter : putters) {
            putter.join();
        }
    }

    private StateToken putState() {
        StateToken state = StateToken.mint(random);
        PendingAuthorization pending = new PendingAuthorization(
                PROJECT,
                new PatientId("floor-" + runId + "-" + patients.incrementAndGet()),
                PROVIDER,
                Optional.empty(),
                false,
                Optional.empty(),
                clock.instant().plus(STATE_TTL));
        states.put(state, pending, STATE_TTL);
        return state;
    }

    private Step run(int users, int seconds, boolean allWrites) throws InterruptedException {
        Step step = new Step();
        long cpuBefore = PROCESS.getProcessCpuTime();
        long started = System.nanoTime();
        long stopAt = started + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int each = 0; each < users; each++) {
            Thread thread = new Thread(() -> {
                List<Long> mine = new ArrayList<>();
                while (System.nanoTime() < stopAt) {
                    StateToken state = prepared.poll();
                    if (state == null) {
                        state = putState();
                        step.refills.increment();
                    }
                    long begin = System.nanoTime();
                    try {
                        operation(state, allWrites, step.parts);
                        mine.add(System.nanoTime() - begin);
                    } catch (RuntimeException e) {
                        mine.add(System.nanoTime() - begin);
                        step.errors.increment();
                        step.errorKinds.merge(e.getClass().getSimpleName(), 1L, Long::sum);
                    }
                }
                step.add(mine);
            });
            thread.start();
            threads.add(thread);
        }
        long deadline = stopAt + STALLED.toNanos();
        for (Thread thread : threads) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (thread.isAlive()) {
                throw new IllegalStateException("operations still running " + STALLED.toSeconds()
                        + " s after the step's end: the floor stalled (see the threads' stacks with jstack)");
            }
        }
        step.windowNanos = System.nanoTime() - started;
        step.cpuNanos = PROCESS.getProcessCpuTime() - cpuBefore;
        step.loadAverage = loadAverage();
        return step;
    }

    /**
     * One callback's I/O: GETDEL, token request, sealing and the Endpoint's write, XADD (and the extra writes); each
     * part's time is added to {@code parts}.
     */
    private void operation(StateToken state, boolean allWrites, Parts parts) {
        long mark = System.nanoTime();
        PendingAuthorization pending =
                states.take(state).orElseThrow(() -> new IllegalStateException("state record missing"));
        mark = parts.add(Part.GETDEL, mark);
        ConnectionKey key = pending.connectionKey();
        TokenSet tokens = tokenExchange
                .exchange(
                        provider,
                        new AuthorizationCode("code-" + patients.incrementAndGet()),
                        Optional.empty(),
                        callback)
                .fold(exchanged -> exchanged.tokens(), refused -> null, failed -> null);
        if (tokens == null) {
            throw new IllegalStateException("token exchange did not succeed");
        }
        mark = parts.add(Part.TOKEN, mark);
        Instant now = clock.instant();
        SealedCredentials sealed = new SealedCredentials(
                key,
                cipher.seal(key, TokenKind.ACCESS, tokens.accessToken().value()),
                tokens.refreshToken().map(refresh -> cipher.seal(key, TokenKind.REFRESH, refresh.value())),
                Optional.empty(),
                tokens.accessTokenExpiresAt(),
                tokens.scopes(),
                tokens.providerUserId(),
                now);
        ConnectionStore.Saved saved = units.inOneStep(() -> {
            ConnectionStore.Saved written = connections.save(sealed);
            if (allWrites) {
                outbox.record(PlatformEvent.connectionCreated(eventId(), key, written.reconnect(), now));
            }
            return written;
        });
        mark = parts.add(Part.ENDPOINT, mark);
        String endpointId = saved.connection().endpointId();
        syncQueue.enqueue(new SyncJob(key, endpointId, now));
        mark = parts.add(Part.XADD, mark);
        if (allWrites) {
            audits.record(AuditRecord.callbackCompleted(key, Optional.of(endpointId), now));
            parts.add(Part.AUDIT, mark);
        }
    }

    /** The parts of an operation, for the mean time of each. */
    enum Part {
        GETDEL("getdel"),
        TOKEN("token"),
        ENDPOINT("seal+endpoint"),
        XADD("xadd"),
        AUDIT("audit");

        private final String label;

        Part(String label) {
            this.label = label;
        }
    }

    /** The total time of each part over a step's operations. */
    private static final class Parts {
        private final LongAdder[] nanos = new LongAdder[Part.values().length];
        private final LongAdder[] counts = new LongAdder[Part.values().length];

        Parts() {
            for (int each = 0; each < nanos.length; each++) {
                nanos[each] = new LongAdder();
                counts[each] = new LongAdder();
            }
        }

        /** Adds the time since {@code mark} to {@code part}; the new mark. */
        long add(Part part, long mark) {
            long now = System.nanoTime();
            nanos[part.ordinal()].add(now - mark);
            counts[part.ordinal()].increment();
            return now;
        }

        /** {@code getdel=0.41,token=1.20,…}: mean milliseconds of the parts that ran. */
        String means() {
            List<String> means = new ArrayList<>();
            for (Part part : Part.values()) {
                long count = counts[part.ordinal()].sum();
                if (count > 0) {
                    means.add(String.format("%s=%.2f", part.label, nanos[part.ordinal()].sum() / 1e6 / count));
                }
            }
            return String.join(",", means);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "-";
        }
    }

    private String eventId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return "msg_" + HexFormat.of().formatHex(bytes);
    }

    /** One step's operations: every latency, the errors by kind, the window. */
    private static final class Step {
        private final List<long[]> latencies = new ArrayList<>();
        private final LongAdder errors = new LongAdder();
        private final LongAdder refills = new LongAdder();
        private final Map<String, Long> errorKinds = new ConcurrentHashMap<>();
        private final Parts parts = new Parts();
        private long windowNanos;
        private long cpuNanos;
        private String loadAverage = "-";
        private long[] sorted;

        synchronized void add(List<Long> nanos) {
            latencies.add(nanos.stream().mapToLong(Long::longValue).toArray());
        }

        long count() {
            return sorted().length;
        }

        long errors() {
            return errors.sum();
        }

        long refills() {
            return refills.sum();
        }

        Map<String, Long> errorKinds() {
            return new TreeMap<>(errorKinds);
        }

        double windowSeconds() {
            return windowNanos / 1e9;
        }

        double percentileMillis(double quantile) {
            long[] all = sorted();
            if (all.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(quantile * all.length) - 1;
            return all[Math.max(0, Math.min(all.length - 1, rank))] / 1e6;
        }

        private synchronized long[] sorted() {
            if (sorted == null) {
                sorted = latencies.stream()
                        .flatMapToLong(Arrays::stream)
                        .sorted()
                        .toArray();
            }
            return sorted;
        }
    }
}
