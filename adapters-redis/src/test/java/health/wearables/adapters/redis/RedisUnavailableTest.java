package health.wearables.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import health.wearables.application.port.out.CredentialInboxContract;
import health.wearables.application.port.out.CredentialInboxUnavailable;
import health.wearables.application.port.out.LeaseUnavailable;
import health.wearables.application.port.out.Samples;
import health.wearables.application.port.out.StateStoreUnavailable;
import health.wearables.application.port.out.SyncJobs;
import health.wearables.application.port.out.SyncQueueUnavailable;
import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.StateToken;
import health.wearables.domain.SyncJob;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.redisson.api.RedissonClient;

/** A client pointed at a loopback port where nothing listens: every call fails closed, soon, and says nothing secret. */
class RedisUnavailableTest {
    /** The calls wait at most the 2 s timeout; the rest is room for a cold JVM on a busy machine. */
    private static final Duration SOON = Duration.ofSeconds(4);

    private static final String PREFIX = "test:unavailable:";

    private static String address;
    private static RedissonClient client;

    @BeforeAll
    static void openLazily() {
        address = "redis://127.0.0.1:" + LocalRedis.closedPort();
        client = LocalRedis.at(address, PREFIX).open(); // lazy: made without a connection
    }

    @AfterAll
    static void shutDown() {
        client.shutdown();
    }

    @Test
    void put_and_take_throw_StateStoreUnavailable_within_a_few_seconds_without_secrets() {
        RedisStateStore store = new RedisStateStore(client, PREFIX, LocalRedis.TIMEOUT);
        StateToken state = StateToken.mint(new SecureRandom());
        PendingAuthorization pending = Samples.pending(Instant.now().plusSeconds(600));
        String verifier = pending.pkceVerifier().orElseThrow().value();

        Throwable put = soon(() -> catchThrowable(() -> store.put(state, pending, Duration.ofMinutes(10))));
        Throwable take = soon(() -> catchThrowable(() -> store.take(state)));

        for (Throwable failure : new Throwable[] {put, take}) {
            assertThat(failure).isInstanceOf(StateStoreUnavailable.class);
            assertThat(LocalRedis.messagesOf(failure))
                    .doesNotContain(state.value())
                    .doesNotContain(verifier);
        }
        assertThat(put).hasMessageStartingWith("state store put:");
        assertThat(take).hasMessageStartingWith("state store take:");
    }

    @Test
    void the_sync_queue_refuses_a_job_and_says_so() {
        RedisSyncQueue queue = new RedisSyncQueue(client, PREFIX, LocalRedis.TIMEOUT);
        SyncJob job = new SyncJob(Samples.connectionKey(), "Endpoint/1", Instant.now());

        Throwable failure = soon(() -> catchThrowable(() -> queue.enqueue(job)));

        assertThat(failure).isInstanceOf(SyncQueueUnavailable.class).hasMessageStartingWith("sync queue ");
    }

    @Test
    void every_operation_of_the_sync_jobs_throws_SyncQueueUnavailable() {
        RedisSyncJobs jobs = new RedisSyncJobs(client, PREFIX, LocalRedis.TIMEOUT, java.time.Clock.systemUTC());
        SyncJobs.TakenJob taken =
                new SyncJobs.TakenJob(new SyncJob(Samples.connectionKey(), "Endpoint/1", Instant.now()), "1-0", 1);

        Throwable take = soon(() -> catchThrowable(() -> jobs.take("a", Duration.ofMinutes(1))));
        Throwable done = soon(() -> catchThrowable(() -> jobs.done(taken)));
        Throwable retry = soon(() -> catchThrowable(() -> jobs.retryAt(taken, Instant.now())));
        Throwable dead = soon(() -> catchThrowable(() -> jobs.deadLetter(taken, "gave up")));
        Throwable listed = soon(() -> catchThrowable(() -> jobs.deadLetters(10)));

        for (Throwable failure : new Throwable[] {take, done, retry, dead, listed}) {
            assertThat(failure).isInstanceOf(SyncQueueUnavailable.class).hasMessageStartingWith("sync ");
        }
    }

    @Test
    void the_credential_inbox_fails_with_its_own_exception_and_shows_no_ciphertext() {
        RedisCredentialInbox inbox = new RedisCredentialInbox(client, PREFIX, LocalRedis.TIMEOUT);
        SealedCredentials credentials = CredentialInboxContract.credentials(Samples.connectionKey(), Instant.now());
        String ciphertext = java.util.Base64.getEncoder()
                .encodeToString(credentials.accessToken().ciphertext());

        Throwable hold = soon(() -> catchThrowable(() -> inbox.hold(credentials, Duration.ofDays(7))));
        Throwable held = soon(() -> catchThrowable(() -> inbox.held(
                credentials.key().project(), Optional.of(credentials.key().patient()))));
        Throwable waiting = soon(() -> catchThrowable(() -> inbox.waiting(10)));
        Throwable remove = soon(() -> catchThrowable(() -> inbox.remove(credentials)));

        for (Throwable failure : new Throwable[] {hold, held, waiting, remove}) {
            assertThat(failure)
                    .isInstanceOf(CredentialInboxUnavailable.class)
                    .hasMessageStartingWith("credential inbox ");
            assertThat(LocalRedis.messagesOf(failure)).doesNotContain(ciphertext);
        }
    }

    @Test
    void a_lease_cannot_be_taken_and_says_so() {
        RedisLeases leases = new RedisLeases(client, PREFIX, LocalRedis.TIMEOUT);

        Throwable failure = soon(() -> catchThrowable(() -> leases.take("recovery", Duration.ofMinutes(1))));

        assertThat(failure).isInstanceOf(LeaseUnavailable.class).hasMessageStartingWith("lease take:");
        assertThat(catchThrowable(() -> leases.isHeld("recovery")))
                .isInstanceOf(LeaseUnavailable.class)
                .hasMessageStartingWith("lease held:");
    }

    @Test
    void start_up_fails_fast_with_a_message_that_says_what_to_do() {
        RedisSettings settings = LocalRedis.at(address, PREFIX);

        Throwable failure = soon(() -> catchThrowable(settings::connect));

        assertThat(failure)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Redis is not reachable at " + address + " — start it (redis-server --daemonize yes --port "
                        + address.substring(address.lastIndexOf(':') + 1) + ") or set wearables.redis.address");
    }

    @Test
    void the_start_up_message_does_not_show_a_password_in_the_address() {
        String withPassword = address.replace("//", "//default:hunter2@");

        assertThatThrownBy(LocalRedis.at(withPassword, PREFIX)::connect)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Redis is not reachable at " + address + " ")
                .satisfies(failure -> assertThat(LocalRedis.messagesOf(failure)).doesNotContain("hunter2"));
    }

    @Test
    @SuppressWarnings("UnnecessaryAssignment") // builds the CDI bean by hand: no container sets its @Inject fields
    void the_readiness_check_is_down() {
        RedisHealthCheck check = new RedisHealthCheck();
        check.client = client;
        check.settings = LocalRedis.at(address, PREFIX);

        HealthCheckResponse response = soon(check::call);

        assertThat(response.getName()).isEqualTo("redis");
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }

    private static <T> T soon(ThrowingSupplier<T> call) {
        long start = System.nanoTime();
        T result;
        try {
            result = call.get();
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SOON);
        return result;
    }
}
