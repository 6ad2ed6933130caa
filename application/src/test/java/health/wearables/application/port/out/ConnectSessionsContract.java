package health.wearables.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.ReturnUrl;
import health.wearables.domain.audit.ApiKeyId;
import health.wearables.domain.connect.ConnectSession;
import health.wearables.domain.connect.ConnectSessionToken;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link ConnectSessions} must do; run against the in-memory fake and against Redis. */
public abstract class ConnectSessionsContract {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TTL = Duration.ofMinutes(30);

    protected abstract ConnectSessions sessions();

    /** A session of a fresh patient, with a return URL and two providers, expiring at millisecond precision. */
    public static ConnectSession session(Optional<String> returnUrl) {
        return new ConnectSession(
                new ProjectId("acme"),
                new PatientId(Samples.unique("p")),
                returnUrl.map(ReturnUrl::parse),
                List.of(new ProviderSlug("withings"), new ProviderSlug("google-health")),
                new ApiKeyId("0123456789ab"),
                Instant.now().plus(TTL).truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void a_stored_session_is_found_with_its_whole_record_as_often_as_asked() {
        ConnectSessionToken token = ConnectSessionToken.mint(RANDOM);
        ConnectSession session = session(Optional.of("https://dashboard.example.com/wearables/done?x=1"));
        sessions().put(token, session, TTL);

        assertThat(sessions().find(token)).contains(session);
        assertThat(sessions().find(token)).contains(session);
        assertThat(sessions().take(token)).contains(session);
    }

    @Test
    void a_session_without_a_return_url_keeps_none() {
        ConnectSessionToken token = ConnectSessionToken.mint(RANDOM);
        ConnectSession session = session(Optional.empty());
        sessions().put(token, session, TTL);

        assertThat(sessions().take(token)).contains(session);
    }

    @Test
    void a_session_can_be_taken_only_once_and_is_not_found_afterwards() {
        ConnectSessionToken token = ConnectSessionToken.mint(RANDOM);
        sessions().put(token, session(Optional.empty()), TTL);

        assertThat(sessions().take(token)).isPresent();
        assertThat(sessions().take(token)).isEmpty();
        assertThat(sessions().find(token)).isEmpty();
    }

    @Test
    void an_unknown_token_gives_nothing() {
        ConnectSessionToken token = ConnectSessionToken.mint(RANDOM);

        assertThat(sessions().find(token)).isEmpty();
        assertThat(sessions().take(token)).isEmpty();
    }

    @Test
    void a_session_is_gone_after_its_ttl() throws InterruptedException {
        ConnectSessionToken token = ConnectSessionToken.mint(RANDOM);
        sessions().put(token, session(Optional.empty()), Duration.ofMillis(300));
        Thread.sleep(700);

        assertThat(sessions().find(token)).isEmpty();
        assertThat(sessions().take(token)).isEmpty();
    }

    @Test
    void of_many_concurrent_takes_of_one_session_exactly_one_gets_it() throws Exception {
        ConnectSessionToken token = ConnectSessionToken.mint(RANDOM);
        sessions().put(token, session(Optional.empty()), TTL);
        int takers = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(takers);
        try {
            List<Future<Optional<ConnectSession>>> results = new ArrayList<>();
            for (int i = 0; i < takers; i++) {
                Callable<Optional<ConnectSession>> take = () -> {
                    start.await();
                    return sessions().take(token);
                };
                results.add(pool.submit(take));
            }
            start.countDown();
            int winners = 0;
            for (Future<Optional<ConnectSession>> result : results) {
                winners += result.get().isPresent() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sessions_do_not_see_each_other() {
        ConnectSessionToken first = ConnectSessionToken.mint(RANDOM);
        ConnectSessionToken second = ConnectSessionToken.mint(RANDOM);
        ConnectSession one = session(Optional.empty());
        ConnectSession two = session(Optional.empty());
        sessions().put(first, one, TTL);
        sessions().put(second, two, TTL);

        assertThat(sessions().take(second)).contains(two);
        assertThat(sessions().find(first)).contains(one);
    }
}
