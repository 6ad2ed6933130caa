package health.wearables.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.Oauth1Token;
import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.StateToken;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link StateStore} must do; run against the in-memory fake and against Redis. */
public abstract class StateStoreContract {
    private static final SecureRandom RANDOM = new SecureRandom();

    protected abstract StateStore store();

    private final Duration ttl = Duration.ofMinutes(10);

    @Test
    void a_stored_state_is_taken_back_with_its_whole_record() {
        StateToken state = StateToken.mint(RANDOM);
        PendingAuthorization pending = Samples.pending(Instant.now().plus(ttl));
        store().put(state, pending, ttl);

        assertThat(store().take(state)).contains(pending);
    }

    @Test
    void a_state_can_be_taken_only_once() {
        StateToken state = StateToken.mint(RANDOM);
        store().put(state, Samples.pending(Instant.now().plus(ttl)), ttl);

        assertThat(store().take(state)).isPresent();
        assertThat(store().take(state)).isEmpty();
    }

    @Test
    void an_unknown_state_gives_nothing() {
        assertThat(store().take(StateToken.mint(RANDOM))).isEmpty();
    }

    @Test
    void a_state_is_gone_after_its_ttl() throws InterruptedException {
        StateToken state = StateToken.mint(RANDOM);
        store().put(state, Samples.pending(Instant.now().plusSeconds(1)), Duration.ofMillis(300));
        Thread.sleep(700);

        assertThat(store().take(state)).isEmpty();
    }

    @Test
    void of_many_concurrent_takes_of_one_state_exactly_one_gets_it() throws Exception {
        StateToken state = StateToken.mint(RANDOM);
        store().put(state, Samples.pending(Instant.now().plus(ttl)), ttl);
        int takers = 32;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(takers);
        try {
            List<Future<Optional<PendingAuthorization>>> results = new ArrayList<>();
            for (int i = 0; i < takers; i++) {
                Callable<Optional<PendingAuthorization>> take = () -> {
                    start.await();
                    return store().take(state);
                };
                results.add(pool.submit(take));
            }
            start.countDown();
            int winners = 0;
            for (Future<Optional<PendingAuthorization>> result : results) {
                winners += result.get().isPresent() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void states_do_not_see_each_other() {
        StateToken first = StateToken.mint(RANDOM);
        StateToken second = StateToken.mint(RANDOM);
        PendingAuthorization one = Samples.pending(Instant.now().plus(ttl));
        PendingAuthorization two = Samples.pending(Instant.now().plus(ttl));
        store().put(first, one, ttl);
        store().put(second, two, ttl);

        assertThat(store().take(second)).contains(two);
        assertThat(store().take(first)).contains(one);
    }

    @Test
    void an_oauth1_temporary_token_keeps_its_record_with_the_temporary_secret_single_use() {
        Oauth1Token token =
                new Oauth1Token("temporary-" + StateToken.mint(RANDOM).value());
        PendingAuthorization pending = Samples.pendingOauth1(Instant.now().plus(ttl));
        store().put(token, pending, ttl);

        assertThat(store().take(token)).contains(pending);
        assertThat(store().take(token)).isEmpty();
    }

    @Test
    void a_state_and_a_temporary_token_of_the_same_text_are_different_keys() {
        StateToken state = StateToken.mint(RANDOM);
        Oauth1Token token = new Oauth1Token(state.value());
        PendingAuthorization forState = Samples.pending(Instant.now().plus(ttl));
        PendingAuthorization forToken = Samples.pendingOauth1(Instant.now().plus(ttl));
        store().put(state, forState, ttl);
        store().put(token, forToken, ttl);

        assertThat(store().take(token)).contains(forToken);
        assertThat(store().take(state)).contains(forState);
    }
}
