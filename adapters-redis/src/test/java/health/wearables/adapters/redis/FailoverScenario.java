package health.wearables.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.CredentialInboxContract;
import health.wearables.application.port.out.CredentialInboxUnavailable;
import health.wearables.application.port.out.EventOutbox;
import health.wearables.application.port.out.HeldEventsUnavailable;
import health.wearables.application.port.out.LeaseUnavailable;
import health.wearables.application.port.out.PendingRevocations.Parked;
import health.wearables.application.port.out.ReversibleTokenCipher;
import health.wearables.application.port.out.Samples;
import health.wearables.application.port.out.StateStoreUnavailable;
import health.wearables.application.port.out.SyncJobs.TakenJob;
import health.wearables.application.port.out.SyncQueueUnavailable;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.PatientId;
import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.StateToken;
import health.wearables.domain.SyncJob;
import health.wearables.domain.events.PlatformEvent;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.redisson.api.RedissonClient;

/**
 * What a gateway has in Redis when a master fails over, and the checks that nothing of it is lost or used twice
 * afterwards, through the same adapters on the same client (Redisson has to follow the new master by itself):
 *
 * <ul>
 *   <li>states minted before: each is taken at most once — present once, or absent after an answer "unavailable"
 *       (the callback answered 503 then, and the state is spent) — and a second take finds nothing;
 *   <li>while the master changes, two gateway instances (two clients) take the same states: never both get one;
 *   <li>held credentials are all still listed, the queued sync jobs are all taken by a worker, the parked revocation
 *       and the held event are due.
 * </ul>
 */
final class FailoverScenario {
    /** States taken only after the failover. */
    private static final int STATES = 100;

    /** States two instances take while the master changes: more than they take in the seconds it lasts. */
    private static final int RACE_STATES = 1_000;

    private static final int PATIENTS = 30;
    private static final int JOBS = 20;
    private static final Duration TTL = Duration.ofMinutes(10);
    private static final Duration SETTLE = Duration.ofSeconds(15);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RedisTopology topology;
    private final String prefix;
    private final RedisStateStore store;
    private final RedisCredentialInbox inbox;
    private final RedisSyncQueue queue;
    private final RedisSyncJobs jobs;
    private final RedisPendingRevocations revocations;
    private final RedisHeldEvents held;

    private final ProjectId project = new ProjectId(Samples.unique("project"));
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final List<StateToken> states = new ArrayList<>();
    private final List<PendingAuthorization> pendings = new ArrayList<>();
    private final List<SealedCredentials> credentials = new ArrayList<>();
    private final List<SyncJob> queued = new ArrayList<>();
    private final SealedCredentials parked;
    private final EventOutbox.Entry event;

    FailoverScenario(RedisTopology topology, RedissonClient client, String prefix) {
        this.topology = topology;
        this.prefix = prefix;
        Duration timeout = RedisTopology.TIMEOUT;
        this.store = topology.stateStore(client, prefix);
        this.inbox = new RedisCredentialInbox(client, prefix, timeout);
        this.queue = new RedisSyncQueue(client, prefix, timeout);
        this.jobs = new RedisSyncJobs(client, prefix, timeout, Clock.systemUTC());
        this.revocations = new RedisPendingRevocations(client, prefix, timeout);
        this.held = new RedisHeldEvents(client, prefix, timeout);
        ConnectionKey revoked = patient("polar");
        this.parked = Samples.sealed(new ReversibleTokenCipher(), revoked, "access", Optional.of("refresh"));
        this.event = EventOutbox.Entry.of(PlatformEvent.connectionPending(
                "msg_" + UUID.randomUUID().toString().replace("-", ""), revoked, now));
    }

    private ConnectionKey patient(String provider) {
        return new ConnectionKey(project, new PatientId(Samples.unique("patient")), new ProviderSlug(provider));
    }

    /** Mints the states, holds the credentials, queues the jobs, parks the revocation and holds the event. */
    void prepare() {
        for (int i = 0; i < STATES + RACE_STATES; i++) {
            StateToken state = StateToken.mint(RANDOM);
            PendingAuthorization pending = Samples.pending(now.plus(TTL));
            store.put(state, pending, TTL);
            states.add(state);
            pendings.add(pending);
        }
        for (int i = 0; i < PATIENTS; i++) {
            SealedCredentials each = CredentialInboxContract.credentials(patient("oura"), now);
            inbox.hold(each, Duration.ofHours(1));
            credentials.add(each);
        }
        for (int i = 0; i < JOBS; i++) {
            SyncJob job = new SyncJob(patient("withings"), "Endpoint/" + i, now.plusMillis(i));
            queue.enqueue(job);
            queued.add(job);
        }
        revocations.park(parked, now, now);
        held.hold(event);
    }

    /** Every key written by {@link #prepare}, to find the masters that hold them. */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        states.forEach(state -> keys.add(store.keyOf(state)));
        credentials.forEach(each -> keys.add(inbox.keyOf(project, each.key().patient())));
        keys.add(SyncKeys.stream(prefix));
        keys.add(prefix + "{revocations}:records");
        keys.add(prefix + "{events}:held");
        return keys;
    }

    /** Two instances, each with a state store on its own client, taking the race states in the same order. */
    Race race(RedissonClient first, RedissonClient second) {
        return new Race(List.of(topology.stateStore(first, prefix), topology.stateStore(second, prefix)));
    }

    /** Two takers that keep taking states until they are told the failover is over, and a little longer. */
    final class Race implements AutoCloseable {
        private static final int WARM_UP = 100;
        private static final Duration TAIL = Duration.ofMillis(300);

        private final AtomicIntegerArray wins = new AtomicIntegerArray(RACE_STATES);
        private final AtomicIntegerArray unavailable = new AtomicIntegerArray(RACE_STATES);
        private final CountDownLatch underWay;
        private final ExecutorService pool;
        private final List<Future<Integer>> takers = new ArrayList<>();
        private volatile long stopAt = Long.MAX_VALUE;
        private volatile long failoverEndedAt = Long.MAX_VALUE;
        private volatile long lastTake = Long.MIN_VALUE;
        private int[] taken = new int[0];

        private Race(List<RedisStateStore> stores) {
            underWay = new CountDownLatch(stores.size());
            pool = Executors.newFixedThreadPool(stores.size());
            for (RedisStateStore each : stores) {
                takers.add(pool.submit(() -> takeAll(each)));
            }
        }

        /** How many states this taker went through. */
        private int takeAll(RedisStateStore takerStore) throws InterruptedException {
            for (int i = 0; i < RACE_STATES; i++) {
                if (System.nanoTime() > stopAt) {
                    return i;
                }
                try {
                    if (takerStore.take(states.get(STATES + i)).isPresent()) {
                        wins.incrementAndGet(i);
                    }
                } catch (StateStoreUnavailable e) {
                    unavailable.incrementAndGet(i);
                }
                lastTake = System.nanoTime();
                if (i == WARM_UP) {
                    underWay.countDown();
                }
                Thread.sleep(1);
            }
            underWay.countDown();
            return RACE_STATES;
        }

        /** Waits until both takers have taken their first states: the failover starts in the middle of the race. */
        void awaitUnderWay() throws InterruptedException {
            assertThat(underWay.await(30, TimeUnit.SECONDS))
                    .as("both takers under way")
                    .isTrue();
        }

        /** The failover is over: the takers go on a little, then stop. */
        void endOfFailover() throws InterruptedException, ExecutionException, TimeoutException {
            failoverEndedAt = System.nanoTime();
            stopAt = failoverEndedAt + TAIL.toNanos();
            taken = new int[takers.size()];
            for (int i = 0; i < takers.size(); i++) {
                taken[i] = takers.get(i).get(30, TimeUnit.SECONDS);
            }
            assertThat(lastTake)
                    .as("the takers were still taking after the failover (else there are too few race states)")
                    .isGreaterThan(failoverEndedAt);
        }

        @Override
        public void close() {
            stopAt = Long.MIN_VALUE;
            pool.shutdownNow();
        }
    }

    /**
     * The checks after the failover, through the adapters made before it. Every state is swept (taken once more); a
     * state may have been taken once in all, by a racer or by the sweep, and not at all only if some take of it
     * answered "unavailable".
     */
    void verify(Race race) {
        int unavailableTakes = 0;
        int takenInRace = 0;
        for (int i = 0; i < states.size(); i++) {
            StateToken state = states.get(i);
            int index = i;
            int raced = i >= STATES ? race.wins.get(i - STATES) : 0;
            int failed = i >= STATES ? race.unavailable.get(i - STATES) : 0;
            takenInRace += raced;
            assertThat(raced).as("takes of race state %d that got it", i).isLessThanOrEqualTo(1);
            Attempts<Optional<PendingAuthorization>> sweep =
                    attempts(() -> store.take(state), StateStoreUnavailable.class);
            failed += sweep.unavailable();
            unavailableTakes += failed;
            int successes = raced + (sweep.value().isPresent() ? 1 : 0);
            assertThat(successes)
                    .as("successful takes of state %d: never two", i)
                    .isLessThanOrEqualTo(1);
            if (failed == 0) {
                assertThat(successes)
                        .as("state %d, never answered unavailable, was taken", i)
                        .isEqualTo(1);
            }
            sweep.value()
                    .ifPresent(pending ->
                            assertThat(pending).as("state %d's record", index).isEqualTo(pendings.get(index)));
            assertThat(attempts(() -> store.take(state), StateStoreUnavailable.class)
                            .value())
                    .as("state %d taken again", i)
                    .isEmpty();
        }
        System.out.println("After the failover: " + states.size() + " states, " + takenInRace
                + " taken while it ran by "
                + "two instances taking the same states (" + race.taken[0] + " and " + race.taken[1] + " takes each), "
                + unavailableTakes + " takes answered unavailable");

        assertThat(attempts(() -> inbox.held(project, Optional.empty()), CredentialInboxUnavailable.class)
                        .value())
                .as("held credentials")
                .containsExactlyInAnyOrderElementsOf(credentials);

        List<SyncJob> worked = new ArrayList<>();
        while (true) {
            Optional<TakenJob> next = attempts(
                            () -> jobs.take("worker-after-failover", Duration.ofMinutes(1)), SyncQueueUnavailable.class)
                    .value();
            if (next.isEmpty()) {
                break;
            }
            worked.add(next.get().job());
            attempts(
                    () -> {
                        jobs.done(next.get());
                        return true;
                    },
                    SyncQueueUnavailable.class);
        }
        assertThat(worked).as("sync jobs taken by a worker").containsExactlyInAnyOrderElementsOf(queued);

        assertThat(attempts(() -> revocations.claimDue(now, 10, now), LeaseUnavailable.class)
                        .value())
                .as("parked revocation")
                .containsExactly(new Parked(parked, now, 0));
        assertThat(attempts(() -> held.due(now, 10), HeldEventsUnavailable.class)
                        .value())
                .as("held event")
                .containsExactly(event);
    }

    /** A call's value, and how often it answered "unavailable" before. */
    record Attempts<T>(T value, int unavailable) {}

    /**
     * Calls until the call does not answer "unavailable" (as a gateway would be asked again), for at most 15 s; a
     * failover in progress can refuse a call for a moment.
     */
    static <T> Attempts<T> attempts(Supplier<T> call, Class<? extends RuntimeException> unavailable) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        int failed = 0;
        while (true) {
            try {
                return new Attempts<>(call.get(), failed);
            } catch (RuntimeException e) {
                if (!unavailable.isInstance(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                failed++;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** The keys' slots' masters of a cluster, for the masters that hold anything of this scenario. */
    static Stream<Integer> mastersOf(
            List<String> keys, RedissonClient client, List<RedisClusterTopology.Node> masters) {
        return keys.stream()
                .map(key ->
                        RedisClusterTopology.masterOf(masters, client.getKeys().getSlot(key)));
    }
}
