package health.wearables.adapters.redis.bench;

import health.wearables.adapters.redis.RedisLeases;
import health.wearables.adapters.redis.RedisSettings;
import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.application.port.out.InMemoryConnectionStore;
import health.wearables.application.port.out.InMemoryCredentialInbox;
import health.wearables.application.port.out.ReversibleTokenCipher;
import health.wearables.application.port.out.TokenCipher.TokenKind;
import health.wearables.application.port.out.TokenRefresh;
import health.wearables.application.service.RefreshCredentialsService;
import health.wearables.application.service.RefreshSettings;
import health.wearables.domain.AccessToken;
import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.ClientSecret;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.IssuerPolicy;
import health.wearables.domain.OAuthVersion;
import health.wearables.domain.PatientId;
import health.wearables.domain.Pkce;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderClient;
import health.wearables.domain.ProviderEndpoints;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.RefreshToken;
import health.wearables.domain.ScopePolicy;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.TokenSet;
import health.wearables.domain.callback.ExchangeResult;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.redisson.api.RedissonClient;

/**
 * Refreshes under contention, against the real Redis on 127.0.0.1:6379 (the leases) and a token endpoint that answers
 * in {@value #PROVIDER_MS} ms and refuses a refresh token used twice (rotating, as WHOOP's and Fitbit's were). Prints:
 *
 * <ul>
 *   <li>bursts: {@code threads} refreshes of one connection started at once, {@code bursts} times: the provider
 *       requests per burst (1.00 means single flight held) and a burst's wall time;
 *   <li>throughput: {@code threads} threads refreshing {@code connections} distinct connections: refreshes per second,
 *       and the same with every refresh of one of {@code hot} connections (contended).
 * </ul>
 *
 * The stores are the in-memory ones of the application's tests, so the figures are the use case and the Redis leases,
 * not a database. Run: {@code benchmark/refresh.sh}.
 */
public final class RefreshContention {
    static final long PROVIDER_MS = 20;

    private final ReversibleTokenCipher cipher = new ReversibleTokenCipher();
    private final InMemoryConnectionStore store = new InMemoryConnectionStore();
    private final AtomicInteger providerCalls = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final Set<String> spent = ConcurrentHashMap.newKeySet();
    private final ConfiguredProvider provider = provider();
    private final RefreshCredentialsService refresh;

    private RefreshContention(RedissonClient redis, String prefix) {
        TokenRefresh endpoint = (configured, token) -> {
            providerCalls.incrementAndGet();
            sleep(PROVIDER_MS);
            if (!spent.add(token.value())) {
                refused.incrementAndGet();
                return new ExchangeResult.Refused("invalid_grant");
            }
            String next = UUID.randomUUID().toString();
            return new ExchangeResult.Exchanged(new TokenSet(
                    new AccessToken("access-" + next),
                    Optional.of(new RefreshToken("refresh-" + next)),
                    Optional.of(Instant.now().plusSeconds(3600)),
                    List.of("daily"),
                    Optional.empty()));
        };
        ConfiguredProviders providers = new ConfiguredProviders() {
            @Override
            public Optional<ConfiguredProvider> find(ProviderSlug slug) {
                return Optional.of(provider);
            }

            @Override
            public List<ConfiguredProvider> all() {
                return List.of(provider);
            }
        };
        refresh = new RefreshCredentialsService(
                store,
                new InMemoryCredentialInbox(Clock.systemUTC()),
                new RedisLeases(redis, prefix, Duration.ofSeconds(2)),
                duration -> sleep(duration.toMillis()),
                providers,
                cipher,
                endpoint,
                store,
                new RefreshSettings(
                        Duration.ofSeconds(60), Duration.ofMillis(10), 500, Duration.ofSeconds(60), Duration.ofDays(7)),
                Clock.systemUTC(),
                new health.wearables.application.service.Reporting(
                        new health.wearables.application.port.out.InMemoryEventOutbox(),
                        new health.wearables.application.port.out.InMemoryEventOutbox(),
                        new health.wearables.application.service.EventIds(new java.security.SecureRandom())),
                new health.wearables.application.port.out.InMemoryAuditTrail());
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int bursts = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 400;
        RedisSettings settings = new RedisSettings(
                "redis://127.0.0.1:6379",
                Optional.empty(),
                Duration.ofSeconds(2),
                "bench:refresh:" + UUID.randomUUID() + ":");
        RedissonClient redis = settings.connect();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            RefreshContention bench = new RefreshContention(redis, settings.keyPrefix());
            bench.warmUp(pool, threads);
            bench.bursts(pool, threads, bursts);
            bench.throughput(pool, threads, connections, connections, "distinct connections");
            bench.throughput(pool, threads, connections, 4, "4 hot connections");
        } finally {
            pool.shutdownNow();
            redis.shutdown();
        }
    }

    private void warmUp(ExecutorService pool, int threads) throws Exception {
        throughput(pool, threads, 200, 200, null);
    }

    private void bursts(ExecutorService pool, int threads, int bursts) throws Exception {
        int callsBefore = providerCalls.get();
        int refusedBefore = refused.get();
        long started = System.nanoTime();
        for (int burst = 0; burst < bursts; burst++) {
            SealedCredentials wanting = connect(key("burst-" + burst));
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                all.add(pool.submit(() -> {
                    go.await();
                    return refresh.refresh(wanting);
                }));
            }
            go.countDown();
            for (Future<?> each : all) {
                each.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "refresh_bursts                 %d bursts of %d concurrent refreshes of one connection%n",
                bursts, threads);
        System.out.printf(
                "refresh_provider_calls_per_burst %.2f%n", (providerCalls.get() - callsBefore) / (double) bursts);
        System.out.printf("refresh_refused_by_provider    %d%n", refused.get() - refusedBefore);
        System.out.printf("refresh_burst_ms               %.1f%n", 1000 * seconds / bursts);
    }

    private void throughput(ExecutorService pool, int threads, int refreshes, int distinct, String label)
            throws Exception {
        List<ConnectionKey> keys = new ArrayList<>();
        for (int i = 0; i < distinct; i++) {
            ConnectionKey key = key(UUID.randomUUID().toString().substring(0, 8));
            connect(key);
            keys.add(key);
        }
        int callsBefore = providerCalls.get();
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        List<Future<?>> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            all.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < refreshes; i = next.getAndIncrement()) {
                    ConnectionKey key = keys.get(i % distinct);
                    refresh.refresh(store.find(key).orElseThrow());
                }
                return null;
            }));
        }
        for (Future<?> each : all) {
            each.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (label != null) {
            System.out.printf(
                    "refreshes_per_s (%s)%s %.0f  (%d refreshes, %d provider requests, %d threads)%n",
                    label,
                    " ".repeat(Math.max(1, 22 - label.length())),
                    refreshes / seconds,
                    refreshes,
                    providerCalls.get() - callsBefore,
                    threads);
        }
    }

    private SealedCredentials connect(ConnectionKey key) {
        SealedCredentials credentials = new SealedCredentials(
                key,
                cipher.seal(key, TokenKind.ACCESS, "access-0"),
                Optional.of(cipher.seal(key, TokenKind.REFRESH, "refresh-" + UUID.randomUUID())),
                Optional.empty(),
                Optional.of(Instant.now().plusSeconds(60)),
                List.of("daily"),
                Optional.empty(),
                Instant.now().minusSeconds(3540));
        store.save(credentials);
        return credentials;
    }

    private static ConnectionKey key(String patient) {
        return new ConnectionKey(new ProjectId("bench"), new PatientId(patient), new ProviderSlug("oura"));
    }

    private static ConfiguredProvider provider() {
        return new ConfiguredProvider(
                new ProviderSlug("oura"),
                "Oura",
                OAuthVersion.OAUTH_2_0,
                ProviderEndpoints.oauth2(
                        URI.create("https://oura.example/authorize"),
                        URI.create("https://oura.example/token"),
                        URI.create("https://oura.example/api/")),
                new ProviderClient("bench-client", new ClientSecret("bench-client-secret"), ClientAuthentication.POST),
                ScopePolicy.requesting(List.of("daily")),
                Pkce.S256,
                IssuerPolicy.none());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
